package io.petrel.broker.acl;

import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.acl.RequestSignature;
import java.util.Map;

/**
 * Decides one request against the rules, in RocketMQ 4.9.7's order: a globally white host passes; otherwise the
 * request needs a known access key; a host white for that account passes; otherwise the signature must match, a
 * PUB to the trace topic passes, admin codes need an admin account, and each resource needs its permission (the
 * account's own for it, else its default topic or group permission). Stateless.
 */
final class AccessChecker {
    private AccessChecker() {
    }

    /** @throws AccessDeniedException saying why the request is refused */
    static void check(AclRules rules, AccessRequest request) {
        for (AddressPattern white : rules.globalWhite()) {
            if (white.matches(request.host())) {
                return;
            }
        }
        if (request.accessKey() == null) {
            throw new AccessDeniedException("No accessKey is configured");
        }
        AclAccount account = rules.accounts().get(request.accessKey());
        if (account == null) {
            throw new AccessDeniedException("No acl config for " + request.accessKey());
        }
        if (account.whiteAddress().matches(request.host())) {
            return;
        }
        String expected = RequestSignature.sign(request.content(), account.secretKey());
        if (!expected.equals(request.signature())) {
            throw new AccessDeniedException("Check signature failed for accessKey=" + request.accessKey());
        }
        Map<String, Byte> needs = request.needs();
        if (needs != null && Byte.valueOf(Permission.PUB).equals(needs.get(TopicValidator.RMQ_SYS_TRACE_TOPIC))) {
            return;
        }
        checkPermissions(account, request);
    }

    private static void checkPermissions(AclAccount account, AccessRequest request) {
        if (Permission.needsAdmin(request.code()) && !account.admin()) {
            throw new AccessDeniedException("Need admin permission for request code=" + request.code()
                + ", but accessKey=" + account.accessKey() + " is not");
        }
        Map<String, Byte> needs = request.needs();
        Map<String, Byte> owned = account.resourcePerms();
        if (needs == null || (owned == null && account.admin())) {
            return;
        }
        for (Map.Entry<String, Byte> need : needs.entrySet()) {
            String resource = need.getKey();
            boolean group = resource.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX);
            Byte own = owned == null ? null : owned.get(resource);
            byte perm = own != null ? own : group ? account.defaultGroupPerm() : account.defaultTopicPerm();
            if (!Permission.grants(perm, need.getValue())) {
                throw new AccessDeniedException("No default permission for " + (group
                    ? "group:" + resource.substring(TopicValidator.RETRY_GROUP_TOPIC_PREFIX.length())
                    : "topic:" + resource));
            }
        }
    }
}
