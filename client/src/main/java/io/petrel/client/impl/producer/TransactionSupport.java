package io.petrel.client.impl.producer;

import io.petrel.client.Validators;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.MQClientAPI;
import io.petrel.client.producer.LocalTransactionState;
import io.petrel.client.producer.SendResult;
import io.petrel.client.producer.TransactionListener;
import io.petrel.client.producer.TransactionSendResult;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageIds;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageSysFlag;
import io.petrel.common.util.BoundedExecutors;
import io.petrel.remoting.protocol.header.CheckTransactionStateRequestHeader;
import io.petrel.remoting.protocol.header.EndTransactionRequestHeader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactional sends: a half message, the local transaction, then END_TRANSACTION (commit, roll back or unknown);
 * and the answers to the broker's checks of half messages whose state it does not know, on the check executor.
 */
public final class TransactionSupport {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionSupport.class);

    private final DefaultMQProducerImpl impl;
    private final TransactionListener listener;
    private final ExecutorService checkExecutor;
    private final boolean ownExecutor;

    TransactionSupport(DefaultMQProducerImpl impl, TransactionListener listener, ExecutorService checkExecutor,
                       boolean ownExecutor) {
        this.impl = impl;
        this.listener = listener;
        this.checkExecutor = checkExecutor;
        this.ownExecutor = ownExecutor;
    }

    public TransactionSendResult sendMessageInTransaction(Message msg, Object arg) throws MQClientException {
        if (listener == null) {
            throw new MQClientException("TransactionListener is null", null);
        }
        msg.clearProperty(MessageProperties.DELAY);
        Validators.checkMessage(msg, impl.producer().getMaxMessageSize());
        msg.putProperty(MessageProperties.TRAN_MSG, "true");
        msg.putProperty(MessageProperties.PGROUP, impl.producer().getProducerGroup());
        SendResult sent;
        try {
            sent = impl.send(msg, impl.producer().getSendMsgTimeout());
        } catch (Exception e) {
            throw new MQClientException("send message Exception", e);
        }
        LocalTransactionState state = LocalTransactionState.UNKNOW;
        Throwable localError = null;
        switch (sent.getSendStatus()) {
            case SEND_OK -> {
                try {
                    state = runLocal(msg, arg, sent);
                } catch (Throwable e) {
                    LOG.info("local transaction of {} failed", sent.getMsgId(), e);
                    localError = e;
                }
            }
            case FLUSH_DISK_TIMEOUT, FLUSH_SLAVE_TIMEOUT, SLAVE_NOT_AVAILABLE -> state =
                LocalTransactionState.ROLLBACK_MESSAGE;
            default -> {
            }
        }
        try {
            endTransaction(sent, state, localError);
        } catch (Exception e) {
            LOG.warn("local transaction ended {}, but telling the broker failed", state, e);
        }
        TransactionSendResult result = new TransactionSendResult();
        result.setSendStatus(sent.getSendStatus());
        result.setMessageQueue(sent.getMessageQueue());
        result.setMsgId(sent.getMsgId());
        result.setOffsetMsgId(sent.getOffsetMsgId());
        result.setQueueOffset(sent.getQueueOffset());
        result.setTransactionId(sent.getTransactionId());
        result.setRegionId(sent.getRegionId());
        result.setLocalTransactionState(state);
        return result;
    }

    private LocalTransactionState runLocal(Message msg, Object arg, SendResult sent) {
        if (sent.getTransactionId() != null) {
            msg.putUserProperty("__transactionId__", sent.getTransactionId());
        }
        String transactionId = msg.getProperty(MessageProperties.UNIQ_KEY);
        if (transactionId != null && !transactionId.isEmpty()) {
            msg.setTransactionId(transactionId);
        }
        LocalTransactionState state = listener.executeLocalTransaction(msg, arg);
        return state == null ? LocalTransactionState.UNKNOW : state;
    }

    private void endTransaction(SendResult sent, LocalTransactionState state, Throwable localError)
        throws Exception {
        String offsetId = sent.getOffsetMsgId() != null ? sent.getOffsetMsgId() : sent.getMsgId();
        long commitLogOffset = MessageIds.decodeOffsetMessageId(offsetId).commitLogOffset();
        String brokerName = sent.getMessageQueue().brokerName();
        String addr = impl.getMqClientFactory().findBrokerAddressInPublish(brokerName);
        EndTransactionRequestHeader header = new EndTransactionRequestHeader(impl.producer().getProducerGroup(),
            sent.getQueueOffset(), commitLogOffset, commitOrRollback(state), null, sent.getMsgId(),
            sent.getTransactionId(), brokerName);
        String remark = localError == null ? null : "executeLocalTransactionBranch exception: " + localError;
        impl.getMqClientFactory().getMQClientAPIImpl().endTransactionOneway(addr, header, remark,
            impl.producer().getSendMsgTimeout());
    }

    static int commitOrRollback(LocalTransactionState state) {
        return switch (state) {
            case COMMIT_MESSAGE -> MessageSysFlag.TRANSACTION_COMMIT_TYPE;
            case ROLLBACK_MESSAGE -> MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
            case UNKNOW -> MessageSysFlag.TRANSACTION_NOT_TYPE;
        };
    }

    void check(String addr, MessageExt msg, CheckTransactionStateRequestHeader header) {
        try {
            checkExecutor.execute(() -> answerCheck(addr, msg, header));
        } catch (RejectedExecutionException e) {
            LOG.warn("transaction check of {} dropped: check executor full", msg.getMsgId());
        }
    }

    private void answerCheck(String addr, MessageExt msg, CheckTransactionStateRequestHeader header) {
        LocalTransactionState state = LocalTransactionState.UNKNOW;
        Throwable error = null;
        try {
            LocalTransactionState answered = listener == null ? null : listener.checkLocalTransaction(msg);
            state = answered == null ? LocalTransactionState.UNKNOW : answered;
        } catch (Throwable e) {
            LOG.error("checkLocalTransaction of {} failed", msg.getMsgId(), e);
            error = e;
        }
        String uniq = msg.getProperty(MessageProperties.UNIQ_KEY);
        EndTransactionRequestHeader end = new EndTransactionRequestHeader(impl.producer().getProducerGroup(),
            header.tranStateTableOffset(), header.commitLogOffset(), commitOrRollback(state), true,
            uniq != null ? uniq : msg.getMsgId(), header.transactionId(), header.bname());
        String remark = error == null ? null : "checkLocalTransactionState Exception: " + error;
        MQClientAPI api = impl.getMqClientFactory().getMQClientAPIImpl();
        try {
            api.endTransactionOneway(addr, end, remark, 3000);
        } catch (Exception e) {
            LOG.error("END_TRANSACTION after a check failed", e);
        }
    }

    public TransactionListener listener() {
        return listener;
    }

    void shutdown() {
        if (ownExecutor) {
            BoundedExecutors.shutdown(checkExecutor, 3000);
        }
    }
}
