package io.petrel.client.consumer.listener;

/** What a concurrent listener did with a batch. */
public enum ConsumeConcurrentlyStatus {
    /** Consumed. */
    CONSUME_SUCCESS,
    /** Failed; deliver again later (through the group's retry topic). */
    RECONSUME_LATER
}
