package io.petrel.client.impl.admin;

import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.MessageClientExt;
import io.petrel.common.body.ConsumeMessageDirectlyResult;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageIds;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looking messages up by id, and having a consumer consume one again. An offset message id names the broker and
 * CommitLog offset; a unique (producer) id is looked up in the brokers' indexes. Thread-safe.
 */
public final class MessageAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(MessageAdmin.class);

    private final AdminRemoting remoting;
    private final UniqueKeyLookup byUniqueKey;
    private final long timeoutMillis;

    /** Finds a message by its unique id in a topic; null when there is none. */
    @FunctionalInterface
    public interface UniqueKeyLookup {
        MessageExt find(String topic, String uniqKey) throws MQClientException, InterruptedException;
    }

    public MessageAdmin(AdminRemoting remoting, UniqueKeyLookup byUniqueKey, long timeoutMillis) {
        this.remoting = remoting;
        this.byUniqueKey = byUniqueKey;
        this.timeoutMillis = timeoutMillis;
    }

    /** The message at the broker and offset the id names. */
    public MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        MessageIds.OffsetMessageId id;
        try {
            id = MessageIds.decodeOffsetMessageId(offsetMsgId);
        } catch (IllegalArgumentException e) {
            throw new MQClientException(ResponseCode.NO_MESSAGE, "query message by id finished, but no message.");
        }
        return remoting.viewMessage(NetAddresses.format(id.storeHost()), id.commitLogOffset(), timeoutMillis);
    }

    /** By offset id when {@code msgId} is one that a broker can answer, else by unique id in {@code topic}. */
    public MessageExt viewMessage(String topic, String msgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        try {
            return viewMessage(msgId);
        } catch (RemotingException | MQBrokerException | MQClientException | RuntimeException e) {
            LOG.debug("{} is not an offset id a broker answers ({}); looking it up as a unique id", msgId,
                e.toString());
        }
        return byUniqueKey.find(topic, msgId);
    }

    /** Has the client {@code clientId} of the group consume the message with this offset id again. */
    public ConsumeMessageDirectlyResult consumeMessageDirectly(String consumerGroup, String clientId, String msgId)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        MessageExt msg = viewMessage(msgId);
        return remoting.consumeMessageDirectly(NetAddresses.format(msg.getStoreHost()), consumerGroup, clientId,
            msgId, timeoutMillis * 3);
    }

    /** As {@link #consumeMessageDirectly(String, String, String)}, {@code msgId} an offset or a unique id. */
    public ConsumeMessageDirectlyResult consumeMessageDirectly(String consumerGroup, String clientId, String topic,
                                                               String msgId)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        MessageExt msg = viewMessage(topic, msgId);
        if (msg == null) {
            throw new MQClientException(ResponseCode.NO_MESSAGE, "query message by id finished, but no message.");
        }
        String offsetMsgId = msgId;
        if (msg.getProperty(MessageProperties.UNIQ_KEY) != null && msg instanceof MessageClientExt client) {
            offsetMsgId = client.getOffsetMsgId();
        }
        return remoting.consumeMessageDirectly(NetAddresses.format(msg.getStoreHost()), consumerGroup, clientId,
            offsetMsgId, timeoutMillis * 3);
    }
}
