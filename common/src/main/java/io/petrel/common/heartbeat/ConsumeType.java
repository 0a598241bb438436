package io.petrel.common.heartbeat;

/** Whether a consumer pulls by itself (pull and lite-pull consumers) or is fed (push consumers). */
public enum ConsumeType {
    CONSUME_ACTIVELY, CONSUME_PASSIVELY
}
