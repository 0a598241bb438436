package io.petrel.remoting;

import io.petrel.remoting.protocol.RemotingCommand;

/** Completion of an asynchronous call: exactly one of {@code response} and {@code error} is non-null. */
@FunctionalInterface
public interface InvokeCallback {
    void onComplete(RemotingCommand response, Throwable error);
}
