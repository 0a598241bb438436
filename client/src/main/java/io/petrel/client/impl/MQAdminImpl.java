package io.petrel.client.impl;

import io.petrel.client.QueryResult;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageIds;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.TopicRouteData;
import io.petrel.common.topic.PermName;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicFilterType;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.QueryMessageRequestHeader;
import io.petrel.remoting.protocol.header.QueryMessageResponseHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The queries producers and consumers share: topic creation through a template topic, queue offsets by time, and
 * messages by offset id, key or unique key.
 */
public class MQAdminImpl {
    private static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";
    private static final int CREATE_TOPIC_TRIES = 5;

    private final MQClientInstance instance;
    private long timeoutMillis = 6000;

    MQAdminImpl(MQClientInstance instance) {
        this.instance = instance;
    }

    public void setTimeoutMillis(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** Creates {@code newTopic} with {@code queueNum} queues on every master that serves the topic {@code key}. */
    public void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException {
        try {
            TopicRouteData route = instance.getMQClientAPIImpl().getTopicRouteInfoFromNameServer(key, timeoutMillis,
                false);
            TopicConfig config = new TopicConfig(newTopic, queueNum, queueNum, PermName.PERM_READ | PermName.PERM_WRITE,
                TopicFilterType.SINGLE_TAG, topicSysFlag, false);
            Exception last = null;
            boolean created = false;
            for (BrokerData bd : route.brokerDatas()) {
                String addr = bd.masterAddr();
                if (addr == null) {
                    continue;
                }
                for (int i = 0; i < CREATE_TOPIC_TRIES; i++) {
                    try {
                        instance.getMQClientAPIImpl().createTopic(addr, key, config, timeoutMillis);
                        created = true;
                        break;
                    } catch (Exception e) {
                        last = e;
                    }
                }
            }
            if (!created) {
                throw new MQClientException("Not found broker, maybe key is wrong", last);
            }
        } catch (MQClientException e) {
            throw e;
        } catch (Exception e) {
            throw new MQClientException("create new topic failed", e);
        }
    }

    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        String addr = masterOrAny(mq);
        try {
            return instance.getMQClientAPIImpl().searchOffset(addr, mq, timestamp, timeoutMillis);
        } catch (Exception e) {
            throw new MQClientException("Invoke Broker[" + addr + "] exception", e);
        }
    }

    public long maxOffset(MessageQueue mq) throws MQClientException {
        String addr = masterOrAny(mq);
        try {
            return instance.getMQClientAPIImpl().getMaxOffset(addr, mq, timeoutMillis);
        } catch (Exception e) {
            throw new MQClientException("Invoke Broker[" + addr + "] exception", e);
        }
    }

    public long minOffset(MessageQueue mq) throws MQClientException {
        String addr = masterOrAny(mq);
        try {
            return instance.getMQClientAPIImpl().getMinOffset(addr, mq, timeoutMillis);
        } catch (Exception e) {
            throw new MQClientException("Invoke Broker[" + addr + "] exception", e);
        }
    }

    public long earliestMsgStoreTime(MessageQueue mq) throws MQClientException {
        String addr = masterOrAny(mq);
        try {
            return instance.getMQClientAPIImpl().getEarliestMsgStoretime(addr, mq, timeoutMillis);
        } catch (Exception e) {
            throw new MQClientException("Invoke Broker[" + addr + "] exception", e);
        }
    }

    private String masterOrAny(MessageQueue mq) throws MQClientException {
        String addr = instance.findBrokerAddressInPublish(mq.brokerName());
        if (addr == null) {
            instance.updateTopicRouteInfoFromNameServer(mq.topic());
            addr = instance.findBrokerAddressInPublish(mq.brokerName());
        }
        if (addr == null) {
            FindBrokerResult any = instance.findBrokerAddressInAdmin(mq.brokerName());
            addr = any == null ? null : any.brokerAddr();
        }
        if (addr == null) {
            throw new MQClientException("The broker[" + mq.brokerName() + "] not exist", null);
        }
        return addr;
    }

    /** The message with this offset id, fetched from the broker the id names. */
    public MessageExt viewMessage(String offsetMsgId)
        throws MQClientException, MQBrokerException, InterruptedException {
        MessageIds.OffsetMessageId id;
        try {
            id = MessageIds.decodeOffsetMessageId(offsetMsgId);
        } catch (IllegalArgumentException e) {
            throw new MQClientException(ResponseCode.NO_MESSAGE, "query message by id finished, but no message.");
        }
        try {
            return instance.getMQClientAPIImpl().viewMessage(NetAddresses.format(id.storeHost()),
                id.commitLogOffset(), timeoutMillis);
        } catch (io.petrel.remoting.exception.RemotingException e) {
            throw new MQClientException("view message " + offsetMsgId + " failed", e);
        }
    }

    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return queryMessage(topic, key, maxNum, begin, end, false);
    }

    /** Messages whose unique id is {@code uniqKey}, stored between {@code begin} and {@code end}. */
    public QueryResult queryMessageByUniqKey(String topic, String uniqKey, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return queryMessage(topic, uniqKey, maxNum, begin, end, true);
    }

    /** The message with this unique id, or null. */
    public MessageExt queryMessageByUniqKey(String topic, String uniqKey)
        throws MQClientException, InterruptedException {
        QueryResult r = queryMessage(topic, uniqKey, 32, 0, Long.MAX_VALUE, true);
        return r.getMessageList().isEmpty() ? null : r.getMessageList().get(0);
    }

    QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end, boolean uniqKey)
        throws MQClientException, InterruptedException {
        TopicRouteData route = instance.topicRoute(topic);
        if (route == null) {
            instance.updateTopicRouteInfoFromNameServer(topic);
            route = instance.topicRoute(topic);
        }
        if (route == null) {
            throw new MQClientException(ResponseCode.TOPIC_NOT_EXIST, "The topic[" + topic + "] not matched route info");
        }
        long indexTime = 0;
        List<MessageExt> found = new ArrayList<>();
        for (BrokerData bd : route.brokerDatas()) {
            String addr = bd.masterAddr() != null ? bd.masterAddr() : bd.brokerAddrs().firstEntry().getValue();
            RemotingCommand response = queryOne(addr, topic, key, maxNum, begin, end, uniqKey);
            if (response == null || response.code() != ResponseCode.SUCCESS) {
                continue;
            }
            try {
                indexTime = Math.max(indexTime,
                    response.decodeHeader(QueryMessageResponseHeader::decode).indexLastUpdateTimestamp());
            } catch (RemotingCommandException e) {
                throw new MQClientException("bad QUERY_MESSAGE answer from " + addr, e);
            }
            for (MessageExt m : ClientMessages.decode(response.body())) {
                if (matches(m, key, uniqKey)) {
                    found.add(m);
                }
            }
        }
        if (found.isEmpty()) {
            throw new MQClientException(ResponseCode.NO_MESSAGE, "query message by key finished, but no message.");
        }
        return new QueryResult(indexTime, found);
    }

    private RemotingCommand queryOne(String addr, String topic, String key, int maxNum, long begin, long end,
                                     boolean uniqKey) throws InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.QUERY_MESSAGE,
            new QueryMessageRequestHeader(topic, key, maxNum, begin, end));
        request.addExtField(UNIQUE_KEY_QUERY, Boolean.toString(uniqKey));
        try {
            return instance.getMQClientAPIImpl().remoting().invokeSync(addr, request, timeoutMillis);
        } catch (io.petrel.remoting.exception.RemotingException e) {
            return null;
        }
    }

    private static boolean matches(MessageExt m, String key, boolean uniqKey) {
        if (uniqKey) {
            return key.equals(m.getProperty(MessageProperties.UNIQ_KEY));
        }
        String keys = m.getKeys();
        return keys != null && Arrays.asList(keys.split(MessageProperties.KEY_SEPARATOR)).contains(key);
    }
}
