package io.petrel.client.consumer;

/** What a pull found. */
public enum PullStatus {
    /** Messages were returned. */
    FOUND,
    /** No new message. */
    NO_NEW_MSG,
    /** Messages exist but none matched the subscription. */
    NO_MATCHED_MSG,
    /** The requested offset is out of the queue's range. */
    OFFSET_ILLEGAL
}
