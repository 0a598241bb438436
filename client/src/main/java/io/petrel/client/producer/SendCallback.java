package io.petrel.client.producer;

/** Completion of an asynchronous send; called on the client's callback executor. */
public interface SendCallback {
    void onSuccess(SendResult sendResult);

    void onException(Throwable e);
}
