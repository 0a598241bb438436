package io.petrel.client.impl;

import io.petrel.client.ClientConfig;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.impl.consumer.PullResultExt;
import io.petrel.common.body.LockBatchBody;
import io.petrel.common.message.MessageQueue;
import io.petrel.remoting.exception.RemotingConnectException;
import io.petrel.remoting.netty.NettyClientConfig;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.PullMessageRequestHeader;
import io.petrel.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import io.petrel.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An MQClientAPI that sends nothing: broker answers come from the maps a test fills, and every request that would
 * have left the client is recorded. Its remoting client is never started.
 */
public class RecordingClientAPI extends MQClientAPI {
    public record OffsetCommit(String addr, UpdateConsumerOffsetRequestHeader header, boolean oneway) {
    }

    public record Pull(String addr, PullMessageRequestHeader header) {
    }

    /** Offsets the broker has stored for the group; a queue without one answers QUERY_NOT_FOUND. */
    public final Map<MessageQueue, Long> storedOffsets = new ConcurrentHashMap<>();
    /** Queues whose offset query fails as if the broker could not be reached. */
    public final Set<MessageQueue> unreachable = ConcurrentHashMap.newKeySet();
    public final Map<MessageQueue, Long> maxOffsets = new ConcurrentHashMap<>();
    public final Map<MessageQueue, Long> offsetsByTime = new ConcurrentHashMap<>();
    public final List<OffsetCommit> commits = new CopyOnWriteArrayList<>();
    public final List<QueryConsumerOffsetRequestHeader> offsetQueries = new CopyOnWriteArrayList<>();
    public final List<Pull> pulls = new CopyOnWriteArrayList<>();
    public final List<LockBatchBody> locks = new CopyOnWriteArrayList<>();
    public final List<LockBatchBody> unlocks = new CopyOnWriteArrayList<>();
    public volatile PullResultExt pullAnswer;

    public RecordingClientAPI() {
        super(new NettyClientConfig(), new ClientConfig(), null);
    }

    @Override
    public long queryConsumerOffset(String addr, QueryConsumerOffsetRequestHeader header, long timeoutMillis)
        throws RemotingConnectException, MQBrokerException {
        offsetQueries.add(header);
        MessageQueue mq = new MessageQueue(header.topic(), header.bname(), header.queueId());
        if (unreachable.contains(mq)) {
            throw new RemotingConnectException(addr);
        }
        Long offset = storedOffsets.get(mq);
        if (offset == null) {
            throw new MQBrokerException(ResponseCode.QUERY_NOT_FOUND, "Not found, V3_0_6_SNAPSHOT maybe this group "
                + "consumer boot first", addr);
        }
        return offset;
    }

    @Override
    public void updateConsumerOffset(String addr, UpdateConsumerOffsetRequestHeader header, long timeoutMillis) {
        commits.add(new OffsetCommit(addr, header, false));
    }

    @Override
    public void updateConsumerOffsetOneway(String addr, UpdateConsumerOffsetRequestHeader header, long timeoutMillis) {
        commits.add(new OffsetCommit(addr, header, true));
    }

    @Override
    public long getMaxOffset(String addr, MessageQueue mq, long timeoutMillis) throws MQBrokerException {
        Long offset = maxOffsets.get(mq);
        if (offset == null) {
            throw new MQBrokerException(ResponseCode.SYSTEM_ERROR, "no max offset for " + mq, addr);
        }
        return offset;
    }

    @Override
    public long searchOffset(String addr, MessageQueue mq, long timestamp, long timeoutMillis)
        throws MQBrokerException {
        Long offset = offsetsByTime.get(mq);
        if (offset == null) {
            throw new MQBrokerException(ResponseCode.SYSTEM_ERROR, "no offset by time for " + mq, addr);
        }
        return offset;
    }

    @Override
    public PullResultExt pullMessageSync(String addr, PullMessageRequestHeader header, long timeoutMillis) {
        pulls.add(new Pull(addr, header));
        return pullAnswer;
    }

    @Override
    public Set<MessageQueue> lockBatchMQ(String addr, LockBatchBody body, long timeoutMillis) {
        locks.add(body);
        return body.mqSet();
    }

    @Override
    public void unlockBatchMQ(String addr, LockBatchBody body, long timeoutMillis, boolean oneway) {
        unlocks.add(body);
    }
}
