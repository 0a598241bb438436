package io.petrel.broker.client;

import io.netty.channel.Channel;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.protocol.RemotingCommand;

/** Calls a client connection and waits for its answer (the broker asking a producer or consumer). */
@FunctionalInterface
public interface ClientCaller {
    RemotingCommand call(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingException;
}
