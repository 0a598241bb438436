package io.petrel.broker.admin;

import io.petrel.broker.transaction.TransactionRecords;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageIds;
import io.petrel.common.message.MessageProperties;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.ResumeCheckHalfMessageRequestHeader;
import io.petrel.store.MessageStore;
import io.petrel.store.PutMessageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Transaction administration: RESUME_CHECK_HALF_MESSAGE. */
public final class TransactionAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionAdmin.class);
    private static final String FAILED = "Put message back to RMQ_SYS_TRANS_HALF_TOPIC failed.";
    private static final String NOT_FOUND = "Exception was thrown when putting message back to RMQ_SYS_TRANS_HALF_TOPIC.";

    private final MessageStore store;

    public TransactionAdmin(MessageStore store) {
        this.store = store;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.RESUME_CHECK_HALF_MESSAGE, (ch, req) -> resume(req));
    }

    /**
     * Puts the message the offset message id names back into the half queue with its check count at zero, so
     * that the checker asks its producer again. As in 4.9.7, any stored message is taken as the half message.
     */
    private RemotingCommand resume(RemotingCommand req) throws Exception {
        String msgId = req.decodeHeader(ResumeCheckHalfMessageRequestHeader::decode).msgId();
        MessageExt half;
        try {
            half = msgId == null ? null : store.lookMessageByOffset(MessageIds.decodeOffsetMessageId(msgId)
                .commitLogOffset());
        } catch (IllegalArgumentException e) {
            half = null;
        }
        if (half == null) {
            LOG.warn("resume check of half message {}: no such message", msgId);
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, NOT_FOUND);
        }
        PutMessageResult r = TransactionRecords.resumed(half).putInto(store);
        if (!r.isOk()) {
            LOG.warn("resume check of half message {}: {}", msgId, r.status());
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, FAILED);
        }
        LOG.info("half message {} of {} put back for checks", msgId, half.getProperty(MessageProperties.REAL_TOPIC));
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }
}
