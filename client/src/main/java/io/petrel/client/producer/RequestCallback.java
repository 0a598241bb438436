package io.petrel.client.producer;

import io.petrel.common.message.Message;

/** Completion of an asynchronous request: the reply, or why none came. */
public interface RequestCallback {
    void onSuccess(Message message);

    void onException(Throwable e);
}
