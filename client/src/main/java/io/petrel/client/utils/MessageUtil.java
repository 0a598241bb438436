package io.petrel.client.utils;

import io.petrel.client.ClientErrorCode;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.message.Message;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.topic.TopicValidator;

/** Builds the reply to a request message: to the requester's cluster reply topic, with its correlation id. */
public final class MessageUtil {
    private MessageUtil() {
    }

    public static Message createReplyMessage(Message requestMessage, byte[] body) throws MQClientException {
        if (requestMessage == null) {
            throw new MQClientException(ClientErrorCode.CREATE_REPLY_MESSAGE_EXCEPTION,
                "create reply message fail, requestMessage cannot be null.");
        }
        String cluster = requestMessage.getProperty(MessageProperties.CLUSTER);
        if (cluster == null) {
            throw new MQClientException(ClientErrorCode.CREATE_REPLY_MESSAGE_EXCEPTION,
                "create reply message fail, requestMessage error, property[" + MessageProperties.CLUSTER
                    + "] is null.");
        }
        Message reply = new Message(cluster + TopicValidator.REPLY_TOPIC_SUFFIX, body);
        reply.putProperty(MessageProperties.MSG_TYPE, MessageProperties.MSG_TYPE_REPLY);
        putIfPresent(reply, MessageProperties.CORRELATION_ID, requestMessage);
        putIfPresent(reply, MessageProperties.MESSAGE_REPLY_TO_CLIENT, requestMessage);
        putIfPresent(reply, MessageProperties.MESSAGE_TTL, requestMessage);
        return reply;
    }

    private static void putIfPresent(Message reply, String name, Message request) {
        String value = request.getProperty(name);
        if (value != null) {
            reply.putProperty(name, value);
        }
    }

    public static String getReplyToClient(Message msg) {
        return msg.getProperty(MessageProperties.MESSAGE_REPLY_TO_CLIENT);
    }
}
