package io.petrel.broker.send;

import io.petrel.broker.client.ClientCaller;
import io.petrel.broker.client.ClientChannelInfo;
import io.petrel.broker.client.ProducerManager;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.PropertiesCodec;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.ReplyMessageRequestHeader;
import io.petrel.remoting.protocol.header.SendMessageRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a reply message to the client that sent the request (REPLY_TO_CLIENT), over that client's producer
 * connection, as PUSH_REPLY_MESSAGE_TO_CLIENT.
 */
public final class ReplyPusher {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyPusher.class);
    private static final long PUSH_TIMEOUT_MILLIS = 10_000;

    private final ProducerManager producers;
    private final ClientCaller caller;

    public ReplyPusher(ProducerManager producers, ClientCaller caller) {
        this.producers = producers;
        this.caller = caller;
    }

    /** @return null when the requester took the reply, otherwise why it could not be delivered */
    public String push(SendMessageRequestHeader h, MessageExt msg) {
        String requester = msg.getProperty(MessageProperties.MESSAGE_REPLY_TO_CLIENT);
        if (requester == null) {
            LOG.warn("reply without {}: cannot be delivered", MessageProperties.MESSAGE_REPLY_TO_CLIENT);
            return "reply message properties[" + MessageProperties.MESSAGE_REPLY_TO_CLIENT + "] is null";
        }
        ClientChannelInfo client = producers.findByClientId(requester);
        if (client == null) {
            String why = "push reply message fail, channel of <" + requester + "> not found.";
            LOG.warn(why);
            return why;
        }
        java.util.Map<String, String> props = new java.util.LinkedHashMap<>(msg.getProperties());
        props.put(MessageProperties.PUSH_REPLY_TIME, Long.toString(System.currentTimeMillis()));
        ReplyMessageRequestHeader push = new ReplyMessageRequestHeader(h.producerGroup(), h.topic(), h.defaultTopic(),
            h.defaultTopicQueueNums(), h.queueId(), h.sysFlag(), h.bornTimestamp(), h.flag(),
            PropertiesCodec.encode(props), h.reconsumeTimes(), h.unitMode() != null && h.unitMode(),
            hostText(msg.getBornHost()), hostText(msg.getStoreHost()), System.currentTimeMillis());
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT, push)
            .body(msg.getBody());
        try {
            RemotingCommand answer = caller.call(client.channel(), request, PUSH_TIMEOUT_MILLIS);
            if (answer.code() == ResponseCode.SUCCESS) {
                return null;
            }
            LOG.warn("push reply message to <{}> return fail, response remark: {}", requester, answer.remark());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("push reply message to <{}> failed: {}", requester, e.toString());
        }
        return "push reply message to " + requester + "fail.";
    }

    private static String hostText(java.net.InetSocketAddress addr) {
        return addr.getAddress().getHostAddress() + ":" + addr.getPort();
    }
}
