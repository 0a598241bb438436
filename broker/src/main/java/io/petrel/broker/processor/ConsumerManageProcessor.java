package io.petrel.broker.processor;

import io.netty.channel.Channel;
import io.petrel.broker.client.ConsumerGroupInfo;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.common.body.StringListBody;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.ConsumerGroupRequestHeader;
import io.petrel.remoting.protocol.header.OffsetResponseHeader;
import io.petrel.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import io.petrel.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.petrel.store.MessageStore;
import java.util.List;
import java.util.function.LongSupplier;

/** GET_CONSUMER_LIST_BY_GROUP, UPDATE_CONSUMER_OFFSET and QUERY_CONSUMER_OFFSET. */
public final class ConsumerManageProcessor implements RequestProcessor {
    private final ConsumerManager consumers;
    private final ConsumerOffsetManager offsets;
    private final MessageStore store;
    private final LongSupplier inMemoryBytes;

    /**
     * @param inMemoryBytes how far behind the CommitLog's end a message may be and still count as in memory
     *                      (physical RAM × accessMessageInMemoryMaxRatio)
     */
    public ConsumerManageProcessor(ConsumerManager consumers, ConsumerOffsetManager offsets, MessageStore store,
                                   LongSupplier inMemoryBytes) {
        this.consumers = consumers;
        this.offsets = offsets;
        this.store = store;
        this.inMemoryBytes = inMemoryBytes;
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.code()) {
            case RequestCode.GET_CONSUMER_LIST_BY_GROUP -> consumerList(request);
            case RequestCode.UPDATE_CONSUMER_OFFSET -> update(channel, request);
            case RequestCode.QUERY_CONSUMER_OFFSET -> query(request);
            default -> RemotingCommand.unsupported(request);
        };
    }

    private RemotingCommand consumerList(RemotingCommand request) throws Exception {
        String group = request.decodeHeader(ConsumerGroupRequestHeader::decode).consumerGroup();
        ConsumerGroupInfo info = consumers.group(group);
        List<String> ids = info == null ? List.of() : info.clientIds();
        if (ids.isEmpty()) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "no consumer for this group, " + group);
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, CommandHeader.EMPTY)
            .body(StringListBody.encode(StringListBody.CONSUMER_ID_LIST, ids));
    }

    private RemotingCommand update(Channel channel, RemotingCommand request) throws Exception {
        UpdateConsumerOffsetRequestHeader h = request.decodeHeader(UpdateConsumerOffsetRequestHeader::decode);
        offsets.commit(String.valueOf(channel.remoteAddress()), h.consumerGroup(), h.topic(), h.queueId(),
            h.commitOffset());
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, CommandHeader.EMPTY);
    }

    /**
     * The committed offset; with none, 0 when the queue still starts at 0 and its first message is in memory (a
     * new group then reads from the start), else QUERY_NOT_FOUND so the client applies its consumeFromWhere.
     */
    private RemotingCommand query(RemotingCommand request) throws Exception {
        QueryConsumerOffsetRequestHeader h = request.decodeHeader(QueryConsumerOffsetRequestHeader::decode);
        long offset = offsets.query(h.consumerGroup(), h.topic(), h.queueId());
        if (offset >= 0) {
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, new OffsetResponseHeader(offset));
        }
        long min = store.getMinOffsetInQueue(h.topic(), h.queueId());
        if (min <= 0 && firstMessageInMemory(h.topic(), h.queueId())) {
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, new OffsetResponseHeader(0L));
        }
        return RemotingCommand.createResponse(ResponseCode.QUERY_NOT_FOUND,
            "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first");
    }

    private boolean firstMessageInMemory(String topic, int queueId) {
        long phy = store.getCommitLogOffsetInQueue(topic, queueId, 0);
        if (phy < 0) {
            return true;
        }
        return store.getMaxPhyOffset() - phy <= inMemoryBytes.getAsLong();
    }
}
