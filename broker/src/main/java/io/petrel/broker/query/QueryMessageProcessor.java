package io.petrel.broker.query;

import io.netty.channel.Channel;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.QueryMessageRequestHeader;
import io.petrel.remoting.protocol.header.QueryMessageResponseHeader;
import io.petrel.remoting.protocol.header.ViewMessageRequestHeader;
import io.petrel.store.MessageStore;
import io.petrel.store.QueryMessageResult;
import java.io.ByteArrayOutputStream;

/**
 * QUERY_MESSAGE (by key or unique key, within a store-time range) and VIEW_MESSAGE_BY_ID (by the commit-log
 * offset inside an offset message id). Bodies are stored records, as in a pull response.
 */
public final class QueryMessageProcessor implements RequestProcessor {
    /** Ext field a client sets when the key is a message's unique key (its client-side id). */
    public static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";
    private final MessageStore store;
    private final int defaultQueryMaxNum;

    public QueryMessageProcessor(MessageStore store, int defaultQueryMaxNum) {
        this.store = store;
        this.defaultQueryMaxNum = defaultQueryMaxNum;
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.code()) {
            case RequestCode.QUERY_MESSAGE -> query(request);
            case RequestCode.VIEW_MESSAGE_BY_ID -> view(request);
            default -> RemotingCommand.unsupported(request);
        };
    }

    private RemotingCommand query(RemotingCommand request) throws Exception {
        QueryMessageRequestHeader h = request.decodeHeader(QueryMessageRequestHeader::decode);
        boolean uniqueKey = "true".equals(request.fields().string(UNIQUE_KEY_QUERY));
        int maxNum = uniqueKey ? defaultQueryMaxNum : h.maxNum();
        QueryMessageResult result = store.queryMessage(h.topic(), h.key(), maxNum, h.beginTimestamp(),
            h.endTimestamp());
        QueryMessageResponseHeader header = new QueryMessageResponseHeader(result.indexLastUpdateTimestamp(),
            result.indexLastUpdatePhyOffset());
        if (result.messages().isEmpty()) {
            return RemotingCommand.createResponse(ResponseCode.QUERY_NOT_FOUND,
                "can not find message, maybe time range not correct", header);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (MessageExt m : result.messages()) {
            body.writeBytes(StoredMessageCodec.encode(m));
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, header).body(body.toByteArray());
    }

    private RemotingCommand view(RemotingCommand request) throws Exception {
        long offset = request.decodeHeader(ViewMessageRequestHeader::decode).offset();
        MessageExt m = store.lookMessageByOffset(offset);
        if (m == null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                "can not find message by the offset, " + offset);
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(StoredMessageCodec.encode(m));
    }
}
