package io.petrel.client.impl;

import io.petrel.client.impl.producer.TopicPublishInfo;
import io.petrel.common.message.MessageExt;
import io.petrel.remoting.protocol.header.CheckTransactionStateRequestHeader;
import java.util.Set;

/** What the client instance needs of a started producer. */
public interface MQProducerInner {
    Set<String> getPublishTopicList();

    boolean isPublishTopicNeedUpdate(String topic);

    /** Answers a broker's transaction check for a half message (oneway END_TRANSACTION to {@code addr}). */
    void checkTransactionState(String addr, MessageExt msg, CheckTransactionStateRequestHeader header);

    void updateTopicPublishInfo(String topic, TopicPublishInfo info);

    boolean isUnitMode();
}
