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
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Offsets of a clustering consumer group, kept by the brokers (committed oneway every few seconds). */
public class RemoteBrokerOffsetStore implements OffsetStore {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteBrokerOffsetStore.class);

    private final MQClientInstance instance;
    private final String groupName;
    private final OffsetTable offsetTable = new OffsetTable();

    public RemoteBrokerOffsetStore(MQClientInstance instance, String groupName) {
        this.instance = instance;
        this.groupName = groupName;
    }

    @Override
    public void load() {
    }

    @Override
    public void updateOffset(MessageQueue mq, long offset, boolean increaseOnly) {
        if (mq != null) {
            offsetTable.update(mq, offset, increaseOnly);
        }
    }

    @Override
    public long readOffset(MessageQueue mq, ReadOffsetType type) {
        if (mq == null) {
            return -1;
        }
        if (type != ReadOffsetType.READ_FROM_STORE && (offsetTable.contains(mq)
            || type == ReadOffsetType.READ_FROM_MEMORY)) {
            return offsetTable.get(mq);
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
        offsetTable.snapshot(null).forEach((mq, offset) -> {
            if (mqs.contains(mq)) {
                commit(mq, offset);
            }
        });
        offsetTable.retainOnly(mqs);
    }

    @Override
    public void persist(MessageQueue mq) {
        if (offsetTable.contains(mq)) {
            commit(mq, offsetTable.get(mq));
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
        return offsetTable.snapshot(topic);
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
