package io.petrel.broker.admin;

import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.EarliestMsgStoretimeResponseHeader;
import io.petrel.remoting.protocol.header.OffsetResponseHeader;
import io.petrel.remoting.protocol.header.QueueRequestHeader;
import io.petrel.remoting.protocol.header.SearchOffsetRequestHeader;
import io.petrel.store.MessageStore;

/** Queue offset look-ups consumers make: max, min, by time, and the earliest store time. */
public final class OffsetQueries {
    private final MessageStore store;

    public OffsetQueries(MessageStore store) {
        this.store = store;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.GET_MAX_OFFSET, (ch, req) -> {
            QueueRequestHeader h = req.decodeHeader(QueueRequestHeader::decode);
            return offset(Math.max(0, store.getMaxOffsetInQueue(h.topic(), h.queueId())));
        }).register(RequestCode.GET_MIN_OFFSET, (ch, req) -> {
            QueueRequestHeader h = req.decodeHeader(QueueRequestHeader::decode);
            return offset(Math.max(0, store.getMinOffsetInQueue(h.topic(), h.queueId())));
        }).register(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, (ch, req) -> {
            SearchOffsetRequestHeader h = req.decodeHeader(SearchOffsetRequestHeader::decode);
            return offset(Math.max(0, store.getOffsetInQueueByTime(h.topic(), h.queueId(), h.timestamp())));
        }).register(RequestCode.GET_EARLIEST_MSG_STORETIME, (ch, req) -> {
            QueueRequestHeader h = req.decodeHeader(QueueRequestHeader::decode);
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null,
                new EarliestMsgStoretimeResponseHeader(store.getEarliestMessageTime(h.topic(), h.queueId())));
        });
    }

    private static RemotingCommand offset(long offset) {
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, new OffsetResponseHeader(offset));
    }
}
