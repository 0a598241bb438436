package io.petrel.tools.monitor;

/** How many messages of one topic a consumer group's clients failed to consume within the last hour, all told. */
public record FailedMsgs(String consumerGroup, String topic, long failedMsgsTotalRecently) {
    /** As 4.9.7 logs it. */
    @Override
    public String toString() {
        return "FailedMsgs [consumerGroup=" + consumerGroup + ", topic=" + topic + ", failedMsgsTotalRecently="
            + failedMsgsTotalRecently + "]";
    }
}
