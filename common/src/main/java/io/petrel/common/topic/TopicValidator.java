package io.petrel.common.topic;

import java.util.Set;

/**
 * Reserved topic names and the rules for topic and group names that RocketMQ 4.9.7 peers apply.
 * Names may use letters, digits, {@code %}, {@code |}, {@code _} and {@code -}; topics are at most
 * {@value #TOPIC_MAX_LENGTH} characters (the stored length is one signed byte), groups {@value #GROUP_MAX_LENGTH}.
 */
public final class TopicValidator {
    public static final String AUTO_CREATE_TOPIC_KEY_TOPIC = "TBW102";
    public static final String RMQ_SYS_SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    public static final String RMQ_SYS_BENCHMARK_TOPIC = "BenchmarkTest";
    public static final String RMQ_SYS_TRANS_HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
    public static final String RMQ_SYS_TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";
    public static final String RMQ_SYS_TRANS_OP_HALF_TOPIC = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    public static final String RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC = "TRANS_CHECK_MAX_TIME_TOPIC";
    public static final String RMQ_SYS_SELF_TEST_TOPIC = "SELF_TEST_TOPIC";
    public static final String RMQ_SYS_OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";
    public static final String SYSTEM_TOPIC_PREFIX = "rmq_sys_";
    public static final String RETRY_GROUP_TOPIC_PREFIX = "%RETRY%";
    public static final String DLQ_GROUP_TOPIC_PREFIX = "%DLQ%";
    public static final String LMQ_PREFIX = "%LMQ%";
    public static final String REPLY_TOPIC_SUFFIX = "_REPLY_TOPIC";

    public static final int TOPIC_MAX_LENGTH = 127;
    public static final int GROUP_MAX_LENGTH = 255;
    public static final String VALID_PATTERN = "^[%|a-zA-Z0-9_-]+$";

    private static final Set<String> SYSTEM_TOPICS = Set.of(AUTO_CREATE_TOPIC_KEY_TOPIC, RMQ_SYS_SCHEDULE_TOPIC,
        RMQ_SYS_BENCHMARK_TOPIC, RMQ_SYS_TRANS_HALF_TOPIC, RMQ_SYS_TRACE_TOPIC, RMQ_SYS_TRANS_OP_HALF_TOPIC,
        RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC, RMQ_SYS_SELF_TEST_TOPIC, RMQ_SYS_OFFSET_MOVED_EVENT);
    private static final Set<String> SEND_FORBIDDEN_TOPICS = Set.of(RMQ_SYS_SCHEDULE_TOPIC, RMQ_SYS_TRANS_HALF_TOPIC,
        RMQ_SYS_TRANS_OP_HALF_TOPIC, RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC, RMQ_SYS_SELF_TEST_TOPIC,
        RMQ_SYS_OFFSET_MOVED_EVENT);

    private TopicValidator() {
    }

    /** The fixed system topics plus any topic with the {@value #SYSTEM_TOPIC_PREFIX} prefix. */
    public static boolean isSystemTopic(String topic) {
        return SYSTEM_TOPICS.contains(topic) || topic.startsWith(SYSTEM_TOPIC_PREFIX);
    }

    /** Topics a producer may not send to. */
    public static boolean isNotAllowedSendTopic(String topic) {
        return SEND_FORBIDDEN_TOPICS.contains(topic);
    }

    /** The fixed set of system topic names (without cluster/broker-name topics). */
    public static Set<String> systemTopics() {
        return SYSTEM_TOPICS;
    }

    /** @return whether every character is one of {@code [%|a-zA-Z0-9_-]} (and there is at least one). */
    public static boolean hasOnlyValidCharacters(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isValidChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '%' || c == '|' || c == '_' || c == '-';
    }

    /**
     * Checks a topic name as a broker does before sending or creating.
     *
     * @return null when valid, else the reason a 4.9.7 broker gives
     */
    public static String validateTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            return "The specified topic is blank.";
        }
        if (!hasOnlyValidCharacters(topic)) {
            return "The specified topic contains illegal characters, allowing only " + VALID_PATTERN;
        }
        if (topic.length() > TOPIC_MAX_LENGTH) {
            return "The specified topic is longer than topic max length.";
        }
        return null;
    }

    /** @return null when valid, else why the group name is refused */
    public static String validateGroup(String group) {
        if (group == null || group.isBlank()) {
            return "the specified group is blank";
        }
        if (group.length() > GROUP_MAX_LENGTH) {
            return "the specified group is longer than group max length 255.";
        }
        if (!hasOnlyValidCharacters(group)) {
            return "the specified group[" + group + "] contains illegal characters, allowing only " + VALID_PATTERN;
        }
        return null;
    }
}
