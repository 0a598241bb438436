package io.petrel.client.admin;

/**
 * One consumer group's view of a message: what became of it, and why it could not be told when a query failed
 * ({@code exceptionDesc}, else null). {@link #toString()} is worded as 4.9.7's, which {@code mqadmin} prints.
 */
public record MessageTrack(String consumerGroup, TrackType trackType, String exceptionDesc) {

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public TrackType getTrackType() {
        return trackType;
    }

    public String getExceptionDesc() {
        return exceptionDesc;
    }

    @Override
    public String toString() {
        return "MessageTrack [consumerGroup=" + consumerGroup + ", trackType=" + trackType + ", exceptionDesc="
            + exceptionDesc + "]";
    }
}
