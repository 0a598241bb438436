package io.petrel.client.consumer.listener;

/** Marker of the two listener kinds a push consumer takes. */
public interface MessageListener {
}
