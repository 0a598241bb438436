package io.petrel.broker.transaction;

import io.netty.channel.Channel;
import io.petrel.broker.inner.InnerMessage;
import io.petrel.broker.send.TimerParking;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageSysFlag;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.EndTransactionRequestHeader;
import io.petrel.store.BrokerRole;
import io.petrel.store.MessageStore;
import io.petrel.store.PutMessageResult;
import io.petrel.store.PutMessageStatus;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * END_TRANSACTION (37): a producer commits or rolls back a half message. The half record named by the request is
 * checked against the request (producer group, half queue offset, physical offset); a commit stores the real
 * message, and both outcomes then write an op record so the checker leaves the half alone. An "unknown" outcome
 * gets no answer. Thread-safe.
 */
public final class EndTransactionProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(EndTransactionProcessor.class);
    // Worded apart from the SEND path's remark (capital T): clients show remarks as they get them.
    private static final String ILLEGAL_REMARK = "The message is illegal, maybe msg body or properties length not "
        + "matched. msg body length limit %dB, msg properties length limit 32KB.";

    private final BrokerRole role;
    private final MessageStore store;
    private final InetSocketAddress storeHost;
    private final int maxMessageSize;
    private final Clock clock;
    private final TimerParking timers;

    /** @param timers parks a committed timer message due later, as 5.3 does at commit */
    public EndTransactionProcessor(BrokerRole role, MessageStore store, InetSocketAddress storeHost,
                                   int maxMessageSize, Clock clock, TimerParking timers) {
        this.role = role;
        this.store = store;
        this.storeHost = storeHost;
        this.maxMessageSize = maxMessageSize;
        this.clock = clock;
        this.timers = timers;
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        if (role == BrokerRole.SLAVE) {
            return RemotingCommand.createResponse(ResponseCode.SLAVE_NOT_AVAILABLE,
                "Message store is slave mode, so end transaction is forbidden.");
        }
        EndTransactionRequestHeader h = request.decodeHeader(EndTransactionRequestHeader::decode);
        int outcome = h.commitOrRollback();
        if (outcome != MessageSysFlag.TRANSACTION_COMMIT_TYPE && outcome != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            LOG.debug("producer group {} left transaction {} open (state {})", h.producerGroup(), h.msgId(), outcome);
            return null;
        }
        MessageExt half = store.lookMessageByOffset(h.commitLogOffset());
        if (half == null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "Find prepared transaction message failed");
        }
        RemotingCommand refused = verify(h, half);
        if (refused != null) {
            return refused;
        }
        if (outcome == MessageSysFlag.TRANSACTION_COMMIT_TYPE) {
            InnerMessage committed = TransactionRecords.committed(half);
            TimerParking.Refusal timerRefused = timers.park(committed);
            if (timerRefused != null) {
                return RemotingCommand.createResponse(timerRefused.code(), timerRefused.remark());
            }
            PutMessageResult result = committed.putInto(store);
            RemotingCommand refusedPut = refusal(result.status());
            if (refusedPut != null) {
                return refusedPut;
            }
        }
        writeOp(half);
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }

    /** Null when the committed message is stored; otherwise the answer END_TRANSACTION gives for the status. */
    private RemotingCommand refusal(PutMessageStatus status) {
        return switch (status) {
            case PUT_OK, FLUSH_DISK_TIMEOUT, FLUSH_SLAVE_TIMEOUT, SLAVE_NOT_AVAILABLE -> null;
            case CREATE_MAPPED_FILE_FAILED -> RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                "Create mapped file failed.");
            case MESSAGE_ILLEGAL, PROPERTIES_SIZE_EXCEEDED -> RemotingCommand.createResponse(
                ResponseCode.MESSAGE_ILLEGAL, String.format(ILLEGAL_REMARK, maxMessageSize));
            case SERVICE_NOT_AVAILABLE -> RemotingCommand.createResponse(ResponseCode.SERVICE_NOT_AVAILABLE,
                "Service not available now.");
            case OS_PAGECACHE_BUSY -> RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                "OS page cache busy, please try another machine");
            case UNKNOWN_ERROR -> RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "UNKNOWN_ERROR");
        };
    }

    private static RemotingCommand verify(EndTransactionRequestHeader h, MessageExt half) {
        if (!h.producerGroup().equals(half.getProperty(MessageProperties.PGROUP))) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "The producer group wrong");
        }
        if (half.getQueueOffset() != h.tranStateTableOffset()) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "The transaction state table offset wrong");
        }
        if (half.getCommitLogOffset() != h.commitLogOffset()) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "The commit log offset wrong");
        }
        return null;
    }

    private void writeOp(MessageExt half) {
        PutMessageResult op = TransactionRecords.op(half.getQueueOffset(), storeHost, clock.millis()).putInto(store);
        if (!op.isOk()) {
            LOG.warn("op record for half message at queue offset {} not stored ({}); the checker will ask again",
                half.getQueueOffset(), op.status());
        }
    }
}
