package io.petrel.client;

import io.petrel.client.exception.MQClientException;
import io.petrel.common.message.Message;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.protocol.ResponseCode;

/**
 * The checks a RocketMQ 4.9.7 client makes on group names, topics and messages before sending, in the same order,
 * with the same response codes and error messages. Stateless.
 */
public final class Validators {
    public static final String VALID_PATTERN_STR = TopicValidator.VALID_PATTERN;
    public static final int CHARACTER_MAX_LENGTH = 255;
    public static final int TOPIC_MAX_LENGTH = 127;

    private Validators() {
    }

    /** Blank, then longer than {@value #CHARACTER_MAX_LENGTH}, then characters outside {@link #VALID_PATTERN_STR}. */
    public static void checkGroup(String group) throws MQClientException {
        if (isBlank(group)) {
            throw new MQClientException("the specified group is blank", null);
        }
        if (group.length() > CHARACTER_MAX_LENGTH) {
            throw new MQClientException("the specified group is longer than group max length 255.", null);
        }
        if (!TopicValidator.hasOnlyValidCharacters(group)) {
            throw new MQClientException(String.format(
                "the specified group[%s] contains illegal characters, allowing only %s", group, VALID_PATTERN_STR), null);
        }
    }

    /** Blank, then longer than {@value #TOPIC_MAX_LENGTH}, then characters outside {@link #VALID_PATTERN_STR}. */
    public static void checkTopic(String topic) throws MQClientException {
        if (isBlank(topic)) {
            throw new MQClientException("The specified topic is blank", null);
        }
        if (topic.length() > TOPIC_MAX_LENGTH) {
            throw new MQClientException(
                String.format("The specified topic is longer than topic max length %d.", TOPIC_MAX_LENGTH), null);
        }
        if (!TopicValidator.hasOnlyValidCharacters(topic)) {
            throw new MQClientException(String.format(
                "The specified topic[%s] contains illegal characters, allowing only %s", topic, VALID_PATTERN_STR), null);
        }
    }

    /** Refuses the fixed system topics and {@code rmq_sys_*} (used when creating topics). */
    public static void isSystemTopic(String topic) throws MQClientException {
        if (TopicValidator.isSystemTopic(topic)) {
            throw new MQClientException(String.format("The topic[%s] is conflict with system topic.", topic), null);
        }
    }

    /** Refuses the broker-internal topics no producer may write to. */
    public static void isNotAllowedSendTopic(String topic) throws MQClientException {
        if (TopicValidator.isNotAllowedSendTopic(topic)) {
            throw new MQClientException(String.format("Sending message to topic[%s] is forbidden.", topic), null);
        }
    }

    /**
     * Null message, topic checks, forbidden topic, then the body: present, non-empty, at most
     * {@code maxMessageSize} bytes. Body problems carry {@link ResponseCode#MESSAGE_ILLEGAL}.
     */
    public static void checkMessage(Message msg, int maxMessageSize) throws MQClientException {
        if (msg == null) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the message is null");
        }
        checkTopic(msg.getTopic());
        isNotAllowedSendTopic(msg.getTopic());
        if (msg.getBody() == null) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the message body is null");
        }
        if (msg.getBody().length == 0) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the message body length is zero");
        }
        if (msg.getBody().length > maxMessageSize) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL,
                "the message body size over max value, MAX: " + maxMessageSize);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
