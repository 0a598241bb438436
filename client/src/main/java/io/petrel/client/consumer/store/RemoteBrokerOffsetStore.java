package io.petrel.client.consumer.store;

import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.FindBrokerResult;
import io.petrel.client.impl.MQClientInstance;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import io.petrel.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Offsets of a clustering consumer group, kept by the brokers (committed oneway every few seconds). */
public class RemoteBrokerOffsetStore implements OffsetStore {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteBrokerOffsetStore.class);

    private final MQClientInstance instance;
    private final String groupName;
    private final ConcurrentMap<MessageQueue, AtomicLong> offsetTable = new ConcurrentHashMap<>();

    public RemoteBrokerOffsetStore(MQClientInstance instance, String groupName) {
        this.instance = instance;
        this.groupName = groupName;
    }

    @Override
    public void load() {
    }

    @Override
    public void updateOffset(MessageQueue mq, long offset, boolean increaseOnly) {
        if (mq == null) {
            return;
        }
        AtomicLong old = offsetTable.putIfAbsent(mq, new AtomicLong(offset));
        if (old == null) {
            return;
        }
        if (increaseOnly) {
            old.accumulateAndGet(offset, Math::max);
        } else {
            old.set(offset);
        }
    }

    @Override
    public long readOffset(MessageQueue mq, ReadOffsetType type) {
        if (mq == null) {
            return -1;
        }
        if (type != ReadOffsetType.READ_FROM_STORE) {
            AtomicLong offset = offsetTable.get(mq);
            if (offset != null) {
                return offset.get();
            }
            if (type == ReadOffsetType.READ_FROM_MEMORY) {
                return -1;
            }
        }
        try {
            long brokerOffset = fetchConsumeOffsetFromBroker(mq);
            updateOffset(mq, brokerOffset, false);
            return brokerOffset;
        } catch (MQBrokerException e) {
            return e.getResponseCode() == ResponseCode.QUERY_NOT_FOUND ? -1 : -2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        } catch (Exception e) {
            LOG.warn("offset of {} for {} unavailable: {}", mq, groupName, e.toString());
            return -2;
        }
    }

    @Override
    public void persistAll(Set<MessageQueue> mqs) {
        if (mqs == null || mqs.isEmpty()) {
            return;
        }
        for (Map.Entry<MessageQueue, AtomicLong> e : offsetTable.entrySet()) {
            if (mqs.contains(e.getKey())) {
                commit(e.getKey(), e.getValue().get());
            }
        }
        offsetTable.keySet().removeIf(mq -> !mqs.contains(mq));
    }

    @Override
    public void persist(MessageQueue mq) {
        AtomicLong offset = offsetTable.get(mq);
        if (offset != null) {
            commit(mq, offset.get());
        }
    }

    private void commit(MessageQueue mq, long offset) {
        try {
            updateConsumeOffsetToBroker(mq, offset, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("committing offset {} of {} for {} failed: {}", offset, mq, groupName, e.toString());
        }
    }

    @Override
    public void removeOffset(MessageQueue mq) {
        if (mq != null) {
            offsetTable.remove(mq);
        }
    }

    @Override
    public Map<MessageQueue, Long> cloneOffsetTable(String topic) {
        Map<MessageQueue, Long> out = new HashMap<>();
        offsetTable.forEach((mq, offset) -> {
            if (topic == null || topic.isEmpty() || topic.equals(mq.topic())) {
                out.put(mq, offset.get());
            }
        });
        return out;
    }

    @Override
    public void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        String addr = brokerAddr(mq);
        UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader(groupName, mq.topic(),
            mq.queueId(), offset, mq.brokerName());
        long timeout = 5_000;
        if (isOneway) {
            instance.getMQClientAPIImpl().updateConsumerOffsetOneway(addr, header, timeout);
        } else {
            instance.getMQClientAPIImpl().updateConsumerOffset(addr, header, timeout);
        }
    }

    private long fetchConsumeOffsetFromBroker(MessageQueue mq)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        String addr = brokerAddr(mq);
        return instance.getMQClientAPIImpl().queryConsumerOffset(addr,
            new QueryConsumerOffsetRequestHeader(groupName, mq.topic(), mq.queueId(), mq.brokerName()), 5_000);
    }

    private String brokerAddr(MessageQueue mq) throws MQClientException {
        FindBrokerResult found = instance.findBrokerAddressInSubscribe(mq.brokerName(), BrokerData.MASTER_ID, false);
        if (found == null) {
            instance.updateTopicRouteInfoFromNameServer(mq.topic());
            found = instance.findBrokerAddressInSubscribe(mq.brokerName(), BrokerData.MASTER_ID, false);
        }
        if (found == null) {
            throw new MQClientException("The broker[" + mq.brokerName() + "] not exist", null);
        }
        return found.brokerAddr();
    }
}
