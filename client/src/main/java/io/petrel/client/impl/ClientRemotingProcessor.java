package io.petrel.client.impl;

import io.netty.channel.Channel;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.util.BoundedExecutors;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.header.CheckTransactionStateRequestHeader;
import io.petrel.remoting.protocol.header.ConsumerGroupRequestHeader;
import io.petrel.remoting.protocol.header.ReplyMessageRequestHeader;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.common.message.MessageSysFlag;
import io.petrel.common.message.PropertiesCodec;
import io.petrel.common.util.Compression;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves what brokers ask of this client: NOTIFY_CONSUMER_IDS_CHANGED (rebalance now), CHECK_TRANSACTION_STATE
 * (ask the producer's listener), PUSH_REPLY_MESSAGE_TO_CLIENT (a reply to a request), and the consumer requests
 * that consumers add through {@link #addHandler}.
 */
public final class ClientRemotingProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRemotingProcessor.class);
    private static final int[] OTHER_CODES = {RequestCode.RESET_CONSUMER_CLIENT_OFFSET,
        RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, RequestCode.GET_CONSUMER_RUNNING_INFO,
        RequestCode.CONSUME_MESSAGE_DIRECTLY, RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT};

    private final MQClientInstance instance;
    private final Map<Integer, RequestProcessor> handlers = new ConcurrentHashMap<>();
    private ExecutorService executor;

    ClientRemotingProcessor(MQClientInstance instance) {
        this.instance = instance;
    }

    void register(MQClientAPI api) {
        executor = BoundedExecutors.fixed("ClientRemoting-" + instance.getClientId(), 2, 10_000);
        api.registerProcessor(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, this, executor);
        api.registerProcessor(RequestCode.CHECK_TRANSACTION_STATE, this, executor);
        for (int code : OTHER_CODES) {
            api.registerProcessor(code, this, executor);
        }
    }

    /** Serves {@code code} (one of the consumer request codes) with {@code handler}. */
    public void addHandler(int code, RequestProcessor handler) {
        handlers.put(code, handler);
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        switch (request.code()) {
            case RequestCode.NOTIFY_CONSUMER_IDS_CHANGED -> {
                String group = request.decodeHeader(ConsumerGroupRequestHeader::decode).consumerGroup();
                LOG.info("consumers of {} changed (told by {}), rebalancing", group,
                    NetAddresses.format(channel.remoteAddress()));
                instance.rebalanceImmediately();
                return null;
            }
            case RequestCode.CHECK_TRANSACTION_STATE -> {
                checkTransactionState(channel, request);
                return null;
            }
            case RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT -> {
                return receiveReplyMessage(channel, request);
            }
            default -> {
                RequestProcessor handler = handlers.get(request.code());
                return handler != null ? handler.processRequest(channel, request)
                    : RemotingCommand.unsupported(request);
            }
        }
    }

    private void checkTransactionState(Channel channel, RemotingCommand request) throws Exception {
        CheckTransactionStateRequestHeader header = request.decodeHeader(CheckTransactionStateRequestHeader::decode);
        List<MessageExt> msgs = ClientMessages.decode(request.body());
        if (msgs.isEmpty()) {
            LOG.warn("transaction check without a message from {}", NetAddresses.format(channel.remoteAddress()));
            return;
        }
        MessageExt msg = msgs.get(0);
        String uniq = msg.getProperty(MessageProperties.UNIQ_KEY);
        if (uniq != null && !uniq.isEmpty()) {
            msg.setTransactionId(uniq);
        }
        String group = msg.getProperty(MessageProperties.PGROUP);
        MQProducerInner producer = group == null ? null : instance.selectProducer(group);
        if (producer == null) {
            LOG.debug("transaction check for group {} that this client does not run", group);
            return;
        }
        producer.checkTransactionState(NetAddresses.format(channel.remoteAddress()), msg, header);
    }

    /** A reply to one of this client's requests: completes the waiting request by correlation id. */
    private RemotingCommand receiveReplyMessage(Channel channel, RemotingCommand request) {
        long arrived = System.currentTimeMillis();
        try {
            ReplyMessageRequestHeader h = request.decodeHeader(ReplyMessageRequestHeader::decode);
            MessageExt msg = new MessageExt();
            msg.setTopic(h.topic());
            msg.setQueueId(h.queueId());
            msg.setStoreTimestamp(h.storeTimestamp());
            msg.setBornHost(NetAddresses.parse(h.bornHost()));
            msg.setStoreHost(NetAddresses.parse(h.storeHost()));
            byte[] body = request.body() == null ? new byte[0] : request.body();
            if ((h.sysFlag() & MessageSysFlag.COMPRESSED) != 0) {
                body = Compression.uncompress(body);
            }
            msg.setBody(body);
            msg.setFlag(h.flag());
            msg.setProperties(PropertiesCodec.decode(h.properties() == null ? "" : h.properties()));
            msg.putProperty(MessageProperties.REPLY_MESSAGE_ARRIVE_TIME, Long.toString(arrived));
            msg.setBornTimestamp(h.bornTimestamp());
            msg.setReconsumeTimes(h.reconsumeTimes() == null ? 0 : h.reconsumeTimes());
            String correlationId = msg.getProperty(MessageProperties.CORRELATION_ID);
            var future = correlationId == null ? null : instance.requestFutures().remove(correlationId);
            if (future != null) {
                future.putResponseMessage(msg);
            } else {
                LOG.warn("reply {} from {} matches no waiting request", correlationId, h.bornHost());
            }
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
        } catch (Exception e) {
            LOG.warn("reply message from {} could not be read", NetAddresses.format(channel.remoteAddress()), e);
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "process reply message fail");
        }
    }

    void shutdown() {
        BoundedExecutors.shutdown(executor, 3000);
    }
}
