package io.petrel.client.compat;

import io.petrel.common.message.Message;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

/** Conversions between Petrel's types and the official RocketMQ 4.9.7 ones, for cross-checks. */
public final class Official {
    private Official() {
    }

    public static org.apache.rocketmq.common.message.MessageQueue queue(MessageQueue mq) {
        return new org.apache.rocketmq.common.message.MessageQueue(mq.getTopic(), mq.getBrokerName(), mq.getQueueId());
    }

    public static List<org.apache.rocketmq.common.message.MessageQueue> queues(Collection<MessageQueue> mqs) {
        List<org.apache.rocketmq.common.message.MessageQueue> out = new ArrayList<>();
        for (MessageQueue mq : mqs) {
            out.add(queue(mq));
        }
        return out;
    }

    public static MessageQueue petrel(org.apache.rocketmq.common.message.MessageQueue mq) {
        return new MessageQueue(mq.getTopic(), mq.getBrokerName(), mq.getQueueId());
    }

    public static List<MessageQueue> petrel(Collection<org.apache.rocketmq.common.message.MessageQueue> mqs) {
        List<MessageQueue> out = new ArrayList<>();
        for (org.apache.rocketmq.common.message.MessageQueue mq : mqs) {
            out.add(petrel(mq));
        }
        return out;
    }

    /** An official message with the same topic, flag, body and properties (in the same iteration order). */
    public static org.apache.rocketmq.common.message.Message message(Message m) {
        org.apache.rocketmq.common.message.Message o = new org.apache.rocketmq.common.message.Message();
        o.setTopic(m.getTopic());
        o.setFlag(m.getFlag());
        o.setBody(m.getBody());
        org.apache.rocketmq.common.message.MessageAccessor.setProperties(o, new java.util.LinkedHashMap<>(m.getProperties()));
        return o;
    }

    public static org.apache.rocketmq.common.protocol.route.TopicRouteData route(TopicRouteData route) {
        org.apache.rocketmq.common.protocol.route.TopicRouteData o = new org.apache.rocketmq.common.protocol.route.TopicRouteData();
        o.setOrderTopicConf(route.orderTopicConf());
        List<org.apache.rocketmq.common.protocol.route.QueueData> qds = new ArrayList<>();
        for (QueueData qd : route.queueDatas()) {
            org.apache.rocketmq.common.protocol.route.QueueData q = new org.apache.rocketmq.common.protocol.route.QueueData();
            q.setBrokerName(qd.brokerName());
            q.setReadQueueNums(qd.readQueueNums());
            q.setWriteQueueNums(qd.writeQueueNums());
            q.setPerm(qd.perm());
            q.setTopicSysFlag(qd.topicSysFlag());
            qds.add(q);
        }
        o.setQueueDatas(qds);
        List<org.apache.rocketmq.common.protocol.route.BrokerData> bds = new ArrayList<>();
        for (BrokerData bd : route.brokerDatas()) {
            bds.add(new org.apache.rocketmq.common.protocol.route.BrokerData(bd.cluster(), bd.brokerName(),
                new HashMap<>(bd.brokerAddrs())));
        }
        o.setBrokerDatas(bds);
        o.setFilterServerTable(new HashMap<>());
        return o;
    }
}
