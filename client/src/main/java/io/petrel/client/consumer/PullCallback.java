package io.petrel.client.consumer;

/** Completion of an asynchronous pull. */
public interface PullCallback {
    void onSuccess(PullResult pullResult);

    void onException(Throwable e);
}
