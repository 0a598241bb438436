package io.petrel.test.official;

import org.apache.rocketmq.common.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.common.topic.TopicValidator;

/** Request headers built with the official 4.9.7 classes, filled in as an official client fills them. */
public final class OfficialHeaders {
    private OfficialHeaders() {
    }

    /** A send of one untagged-by-default message to queue 0 of {@code topic}, creating it from TBW102 if need be. */
    public static SendMessageRequestHeader send(String producerGroup, String topic, String properties) {
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setProducerGroup(producerGroup);
        h.setTopic(topic);
        h.setDefaultTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC);
        h.setDefaultTopicQueueNums(4);
        h.setQueueId(0);
        h.setSysFlag(0);
        h.setBornTimestamp(System.currentTimeMillis());
        h.setFlag(0);
        h.setProperties(properties);
        h.setReconsumeTimes(0);
        return h;
    }

    /** A pull that is not held (no suspend flag), subscribing to every tag. */
    public static PullMessageRequestHeader pull(String group, String topic, int queueId, long offset, int maxNums) {
        PullMessageRequestHeader h = new PullMessageRequestHeader();
        h.setConsumerGroup(group);
        h.setTopic(topic);
        h.setQueueId(queueId);
        h.setQueueOffset(offset);
        h.setMaxMsgNums(maxNums);
        h.setSysFlag(0);
        h.setCommitOffset(0L);
        h.setSuspendTimeoutMillis(0L);
        h.setSubscription("*");
        h.setSubVersion(0L);
        h.setExpressionType("TAG");
        return h;
    }
}
