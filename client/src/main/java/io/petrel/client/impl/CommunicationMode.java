package io.petrel.client.impl;

/** How a request waits for its answer. */
public enum CommunicationMode {
    SYNC,
    ASYNC,
    ONEWAY
}
