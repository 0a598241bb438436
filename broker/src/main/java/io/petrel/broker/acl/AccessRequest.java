package io.petrel.broker.acl;

import io.petrel.common.heartbeat.ConsumerData;
import io.petrel.common.heartbeat.HeartbeatData;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.acl.RequestSignature;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one request brings to the ACL check: the client's host, the request code, the credentials it carries, the
 * bytes its signature covers, and the permission it needs on each topic and group (a group as its retry topic).
 * Which resources a request code needs follows RocketMQ 4.9.7's plain validator; codes not listed there need none
 * (only a valid signature, and admin for the admin codes). Immutable.
 *
 * @param needs  resource → permission needed; null when the request needs none. A HashMap: when several resources
 *               are refused, the first one reported is the first in its iteration order, as in 4.9.7
 * @param content null when the request has no ext fields
 */
record AccessRequest(String host, int code, String accessKey, String signature, String securityToken, byte[] content,
                     Map<String, Byte> needs) {
    /** Left out of the signed content by the broker (4.9.7 does, although its client signs it). */
    static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";

    /**
     * @param remoteAddr {@code host:port} of the client
     * @throws AccessDeniedException when the body a check needs (a heartbeat's) cannot be read
     */
    static AccessRequest of(RemotingCommand request, String remoteAddr) {
        String host = remoteAddr != null && remoteAddr.contains(":")
            ? remoteAddr.substring(0, remoteAddr.lastIndexOf(':')) : remoteAddr;
        Map<String, String> fields = request.extFields();
        if (fields == null) {
            return new AccessRequest(host, request.code(), null, null, null, null, null);
        }
        Map<String, Byte> needs = needs(request, fields);
        SortedMap<String, String> signed = new TreeMap<>(fields);
        signed.remove(RequestSignature.SIGNATURE);
        signed.remove(UNIQUE_KEY_QUERY);
        return new AccessRequest(host, request.code(), fields.get(RequestSignature.ACCESS_KEY),
            fields.get(RequestSignature.SIGNATURE), fields.get(RequestSignature.SECURITY_TOKEN),
            RequestSignature.content(signed, request), needs.isEmpty() ? null : needs);
    }

    private static Map<String, Byte> needs(RemotingCommand request, Map<String, String> f) {
        Map<String, Byte> needs = new HashMap<>();
        switch (request.code()) {
            // A send to a retry topic is a consumer's: it needs SUB on the group. The v1 header has no "group"
            // field, so such a send needs nothing there (as in 4.9.7); v2 calls the producer group "a".
            case RequestCode.SEND_MESSAGE -> sendTo(needs, f.get("topic"), f.get("group"));
            case RequestCode.SEND_MESSAGE_V2 -> sendTo(needs, f.get("b"), f.get("a"));
            case RequestCode.CONSUMER_SEND_MSG_BACK -> need(needs, group(f.get("group")), Permission.SUB);
            // 5.x's lite pull and Pop read as a pull does; 5.3's ACL 1.0 checks no topic or group for them.
            case RequestCode.PULL_MESSAGE, RequestCode.LITE_PULL_MESSAGE, RequestCode.POP_MESSAGE,
                RequestCode.ACK_MESSAGE, RequestCode.CHANGE_MESSAGE_INVISIBLETIME, RequestCode.NOTIFICATION,
                RequestCode.POLLING_INFO -> {
                need(needs, f.get("topic"), Permission.SUB);
                need(needs, group(f.get("consumerGroup")), Permission.SUB);
            }
            case RequestCode.QUERY_MESSAGE -> need(needs, f.get("topic"), Permission.SUB);
            case RequestCode.HEART_BEAT -> heartbeat(needs, request.body());
            case RequestCode.UNREGISTER_CLIENT, RequestCode.GET_CONSUMER_LIST_BY_GROUP ->
                need(needs, group(f.get("consumerGroup")), Permission.SUB);
            case RequestCode.UPDATE_CONSUMER_OFFSET -> {
                need(needs, group(f.get("consumerGroup")), Permission.SUB);
                need(needs, f.get("topic"), Permission.SUB);
            }
            default -> {
            }
        }
        return needs;
    }

    private static void sendTo(Map<String, Byte> needs, String topic, String group) {
        if (topic != null && topic.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)) {
            need(needs, group(group), Permission.SUB);
        } else {
            need(needs, topic, Permission.PUB);
        }
    }

    private static void heartbeat(Map<String, Byte> needs, byte[] body) {
        HeartbeatData hb;
        try {
            hb = HeartbeatData.decode(body);
        } catch (RuntimeException e) {
            throw new AccessDeniedException(e.getMessage());
        }
        for (ConsumerData consumer : hb.consumerDataSet()) {
            need(needs, group(consumer.groupName()), Permission.SUB);
            for (SubscriptionData sub : consumer.subscriptionDataSet()) {
                need(needs, sub.topic(), Permission.SUB);
            }
        }
    }

    private static String group(String group) {
        return AclAccount.retryTopic(group);
    }

    private static void need(Map<String, Byte> needs, String resource, byte perm) {
        if (resource != null) {
            needs.put(resource, perm);
        }
    }
}
