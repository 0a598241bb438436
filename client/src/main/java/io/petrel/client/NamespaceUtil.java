package io.petrel.client;

import io.petrel.common.topic.TopicValidator;

/**
 * Namespaces as RocketMQ clients apply them: {@code NS%Topic}, {@code %RETRY%NS%Group}, {@code %DLQ%NS%Group}.
 * System topics and system groups are never wrapped. Stateless.
 */
public final class NamespaceUtil {
    public static final char NAMESPACE_SEPARATOR = '%';
    private static final String SYS_GROUP_PREFIX = "CID_RMQ_SYS_";

    private NamespaceUtil() {
    }

    /**
     * {@code NS%T} → {@code T} and {@code %RETRY%NS%G} → {@code %RETRY%G}, only for the given namespace; system
     * topics and groups are returned as they are.
     */
    public static String withoutNamespace(String resource, String namespace) {
        if (isEmpty(resource) || isEmpty(namespace)) {
            return resource;
        }
        String bare = withoutRetryAndDlq(resource);
        if (!bare.startsWith(namespace + NAMESPACE_SEPARATOR) || isSystemResource(resource)) {
            return resource;
        }
        // Cut at the first separator, as RocketMQ clients do (a namespace with a '%' in it is cut there too).
        int cut = bare.indexOf(NAMESPACE_SEPARATOR);
        return cut <= 0 ? resource : prefixOf(resource) + bare.substring(cut + 1);
    }

    public static String wrapNamespace(String namespace, String resource) {
        if (isEmpty(namespace) || isEmpty(resource) || isSystemResource(resource)
            || withoutRetryAndDlq(resource).startsWith(namespace + NAMESPACE_SEPARATOR)) {
            return resource;
        }
        return prefixOf(resource) + namespace + NAMESPACE_SEPARATOR + withoutRetryAndDlq(resource);
    }

    public static String wrapNamespaceAndRetry(String namespace, String consumerGroup) {
        return isEmpty(consumerGroup) ? null
            : TopicValidator.RETRY_GROUP_TOPIC_PREFIX + wrapNamespace(namespace, consumerGroup);
    }

    private static String prefixOf(String resource) {
        if (resource.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)) {
            return TopicValidator.RETRY_GROUP_TOPIC_PREFIX;
        }
        return resource.startsWith(TopicValidator.DLQ_GROUP_TOPIC_PREFIX) ? TopicValidator.DLQ_GROUP_TOPIC_PREFIX : "";
    }

    private static String withoutRetryAndDlq(String resource) {
        return resource.substring(prefixOf(resource).length());
    }

    private static boolean isSystemResource(String resource) {
        return TopicValidator.isSystemTopic(resource) || resource.startsWith(SYS_GROUP_PREFIX);
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
