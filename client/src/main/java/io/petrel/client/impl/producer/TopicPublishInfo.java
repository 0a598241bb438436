package io.petrel.client.impl.producer;

import io.petrel.client.common.ThreadLocalIndex;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import java.util.List;

/**
 * The queues a producer may send a topic's messages to, and the per-thread round-robin over them. Immutable apart
 * from each thread's position; thread-safe.
 */
public final class TopicPublishInfo {
    private static final TopicPublishInfo EMPTY = new TopicPublishInfo(false, List.of(), null, false);

    private final boolean orderTopic;
    private final List<MessageQueue> messageQueueList;
    private final TopicRouteData topicRouteData;
    private final boolean haveTopicRouterInfo;
    private final ThreadLocalIndex sendWhichQueue;

    public TopicPublishInfo(boolean orderTopic, List<MessageQueue> messageQueueList, TopicRouteData topicRouteData,
                            boolean haveTopicRouterInfo) {
        this(orderTopic, messageQueueList, topicRouteData, haveTopicRouterInfo, new ThreadLocalIndex());
    }

    public TopicPublishInfo(boolean orderTopic, List<MessageQueue> messageQueueList, TopicRouteData topicRouteData,
                            boolean haveTopicRouterInfo, ThreadLocalIndex sendWhichQueue) {
        this.orderTopic = orderTopic;
        this.messageQueueList = List.copyOf(messageQueueList);
        this.topicRouteData = topicRouteData;
        this.haveTopicRouterInfo = haveTopicRouterInfo;
        this.sendWhichQueue = sendWhichQueue;
    }

    /** No queues and no route: the placeholder a producer keeps while it looks a topic up. */
    public static TopicPublishInfo empty() {
        return EMPTY;
    }

    public boolean isOrderTopic() {
        return orderTopic;
    }

    /** True when there is at least one queue to send to. */
    public boolean ok() {
        return !messageQueueList.isEmpty();
    }

    /** Unmodifiable. */
    public List<MessageQueue> getMessageQueueList() {
        return messageQueueList;
    }

    public TopicRouteData getTopicRouteData() {
        return topicRouteData;
    }

    public boolean isHaveTopicRouterInfo() {
        return haveTopicRouterInfo;
    }

    public ThreadLocalIndex getSendWhichQueue() {
        return sendWhichQueue;
    }

    /** The calling thread's next queue; null when there are none. */
    public MessageQueue selectOneMessageQueue() {
        if (messageQueueList.isEmpty()) {
            return null;
        }
        return messageQueueList.get(position(sendWhichQueue.incrementAndGet()));
    }

    /**
     * The calling thread's next queue not on {@code lastBrokerName} (the broker a failed attempt used), trying each
     * position once; the next queue whatever its broker when every queue is on that broker.
     */
    public MessageQueue selectOneMessageQueue(String lastBrokerName) {
        if (lastBrokerName == null) {
            return selectOneMessageQueue();
        }
        for (int i = 0; i < messageQueueList.size(); i++) {
            MessageQueue mq = messageQueueList.get(position(sendWhichQueue.incrementAndGet()));
            if (!mq.getBrokerName().equals(lastBrokerName)) {
                return mq;
            }
        }
        return selectOneMessageQueue();
    }

    /** The write queue count the route gives {@code brokerName}, or -1 when the route does not list it. */
    public int getQueueIdByBroker(String brokerName) {
        if (topicRouteData == null) {
            return -1;
        }
        for (QueueData qd : topicRouteData.queueDatas()) {
            if (qd.brokerName().equals(brokerName)) {
                return qd.writeQueueNums();
            }
        }
        return -1;
    }

    private int position(int index) {
        int pos = Math.abs(index) % messageQueueList.size();
        return Math.max(pos, 0);
    }

    @Override
    public String toString() {
        return "TopicPublishInfo{orderTopic=" + orderTopic + ", messageQueueList=" + messageQueueList
            + ", haveTopicRouterInfo=" + haveTopicRouterInfo + "}";
    }
}
