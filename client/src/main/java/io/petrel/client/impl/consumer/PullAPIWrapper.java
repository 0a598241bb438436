package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.PullCallback;
import io.petrel.client.consumer.PullResult;
import io.petrel.client.consumer.PullStatus;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.ClientMessages;
import io.petrel.client.impl.CommunicationMode;
import io.petrel.client.impl.FindBrokerResult;
import io.petrel.client.impl.MQClientInstance;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.protocol.header.PullMessageRequestHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Pulls for one consumer group: picks the broker (master, or the slave the master suggested), builds the request,
 * decodes what comes back, filters tags on the client and records the queue bounds on every message.
 */
public class PullAPIWrapper {
    public static final int FLAG_COMMIT_OFFSET = 0x1;
    public static final int FLAG_SUSPEND = 0x1 << 1;
    public static final int FLAG_SUBSCRIPTION = 0x1 << 2;
    public static final int FLAG_CLASS_FILTER = 0x1 << 3;
    public static final int FLAG_LITE_PULL_MESSAGE = 0x1 << 4;

    private final MQClientInstance instance;
    private final String consumerGroup;
    private final ConcurrentMap<MessageQueue, Long> pullFromWhichNodeTable = new ConcurrentHashMap<>();

    public PullAPIWrapper(MQClientInstance instance, String consumerGroup) {
        this.instance = instance;
        this.consumerGroup = consumerGroup;
    }

    public static int buildSysFlag(boolean commitOffset, boolean suspend, boolean subscription, boolean classFilter) {
        return (commitOffset ? FLAG_COMMIT_OFFSET : 0) | (suspend ? FLAG_SUSPEND : 0)
            | (subscription ? FLAG_SUBSCRIPTION : 0) | (classFilter ? FLAG_CLASS_FILTER : 0);
    }

    /** Decodes a pull's records, keeps those the subscription's tags match, and stamps the queue bounds. */
    public PullResult processPullResult(MessageQueue mq, PullResult pullResult, SubscriptionData subscription) {
        PullResultExt ext = (PullResultExt) pullResult;
        pullFromWhichNodeTable.put(mq, ext.getSuggestWhichBrokerId());
        List<MessageExt> found = List.of();
        if (ext.getPullStatus() == PullStatus.FOUND) {
            List<MessageExt> all = ClientMessages.decode(ext.getMessageBinary());
            found = filterByTags(all, subscription);
            String min = Long.toString(ext.getMinOffset());
            String max = Long.toString(ext.getMaxOffset());
            for (MessageExt m : found) {
                if (Boolean.parseBoolean(m.getProperty(MessageProperties.TRAN_MSG))) {
                    m.setTransactionId(m.getProperty(MessageProperties.UNIQ_KEY));
                }
                m.putProperty(MessageProperties.MIN_OFFSET, min);
                m.putProperty(MessageProperties.MAX_OFFSET, max);
            }
        }
        ext.setMsgFoundList(found);
        ext.setMessageBinary(null);
        return ext;
    }

    private static List<MessageExt> filterByTags(List<MessageExt> all, SubscriptionData subscription) {
        if (subscription == null || subscription.tagsSet().isEmpty() || subscription.classFilterMode()) {
            return all;
        }
        List<MessageExt> out = new ArrayList<>(all.size());
        for (MessageExt m : all) {
            String tags = m.getTags();
            if (tags != null && subscription.tagsSet().contains(tags)) {
                out.add(m);
            }
        }
        return out;
    }

    /** Starts (async) or makes (sync) one pull; returns the raw result for sync pulls, null for async ones. */
    public PullResult pullKernelImpl(MessageQueue mq, String subExpression, String expressionType, long subVersion,
                                     long offset, int maxNums, int sysFlag, long commitOffset,
                                     long brokerSuspendMaxTimeMillis, long timeoutMillis, CommunicationMode mode,
                                     PullCallback callback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        FindBrokerResult broker = findBroker(mq);
        int flag = broker.slave() ? sysFlag & ~FLAG_COMMIT_OFFSET : sysFlag;
        PullMessageRequestHeader header = new PullMessageRequestHeader(consumerGroup, mq.topic(), mq.queueId(),
            offset, maxNums, flag, commitOffset, brokerSuspendMaxTimeMillis, subExpression, subVersion,
            expressionType, mq.brokerName());
        if (mode == CommunicationMode.ASYNC) {
            instance.getMQClientAPIImpl().pullMessageAsync(broker.brokerAddr(), header, timeoutMillis, callback);
            return null;
        }
        return instance.getMQClientAPIImpl().pullMessageSync(broker.brokerAddr(), header, timeoutMillis);
    }

    private FindBrokerResult findBroker(MessageQueue mq) throws MQClientException {
        long brokerId = pullFromWhichNodeTable.getOrDefault(mq, BrokerData.MASTER_ID);
        FindBrokerResult found = instance.findBrokerAddressInSubscribe(mq.brokerName(), brokerId, false);
        if (found == null) {
            instance.updateTopicRouteInfoFromNameServer(mq.topic());
            found = instance.findBrokerAddressInSubscribe(mq.brokerName(), brokerId, false);
        }
        if (found == null) {
            throw new MQClientException("The broker[" + mq.brokerName() + "] not exist", null);
        }
        return found;
    }
}
