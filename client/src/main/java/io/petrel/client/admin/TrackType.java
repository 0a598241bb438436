package io.petrel.client.admin;

/** What became of a message for one consumer group, as {@link MQAdminExt#messageTrackDetail} finds it. */
public enum TrackType {
    CONSUMED,
    CONSUMED_BUT_FILTERED,
    PULL,
    NOT_CONSUME_YET,
    NOT_ONLINE,
    UNKNOWN
}
