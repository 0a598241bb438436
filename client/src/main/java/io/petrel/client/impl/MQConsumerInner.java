package io.petrel.client.impl;

import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import java.util.Set;

/** What the client instance needs of a started consumer. */
public interface MQConsumerInner {
    String groupName();

    MessageModel messageModel();

    ConsumeType consumeType();

    ConsumeFromWhere consumeFromWhere();

    Set<SubscriptionData> subscriptions();

    /** Reassigns this client's queues from the current route and group members. */
    void doRebalance();

    /** Commits the offsets this consumer holds (to the broker or to its local file). */
    void persistConsumerOffset();

    void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info);

    boolean isSubscribeTopicNeedUpdate(String topic);

    boolean isUnitMode();
}
