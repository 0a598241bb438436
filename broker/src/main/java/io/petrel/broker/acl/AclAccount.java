package io.petrel.broker.acl;

import io.petrel.common.body.PlainAccessConfig;
import io.petrel.common.topic.TopicValidator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One account of the plain ACL files, ready for checks: its keys, white address, admin flag, default permissions,
 * and the permission of each topic and group it names, a group keyed by its retry topic ({@code %RETRY%group}).
 * Immutable.
 *
 * @param resourcePerms null when the account names no topic and no group (an admin account then passes every
 *                      topic and group check)
 */
record AclAccount(String accessKey, String secretKey, AddressPattern whiteAddress, boolean admin,
                  byte defaultTopicPerm, byte defaultGroupPerm, Map<String, Byte> resourcePerms) {
    static final int MIN_KEY_LENGTH = 6;

    /** Builds the account, or refuses a config without both keys longer than six characters. */
    static AclAccount of(PlainAccessConfig c) {
        checkKeys(c);
        Map<String, Byte> perms = new HashMap<>();
        addEntries(perms, c.groupPerms(), "group");
        addEntries(perms, c.topicPerms(), "topic");
        return new AclAccount(c.accessKey(), c.secretKey(), AddressPattern.parse(c.whiteRemoteAddress()), c.admin(),
            Permission.parse(c.defaultTopicPerm()), Permission.parse(c.defaultGroupPerm()),
            perms.isEmpty() ? null : Map.copyOf(perms));
    }

    static void checkKeys(PlainAccessConfig c) {
        if (c.accessKey() == null || c.secretKey() == null || c.accessKey().length() <= MIN_KEY_LENGTH
            || c.secretKey().length() <= MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("The accessKey=" + c.accessKey() + " and secretKey=" + c.secretKey()
                + " cannot be null and length should longer than 6");
        }
    }

    private static void addEntries(Map<String, Byte> perms, List<String> entries, String kind) {
        if (entries == null) {
            return;
        }
        for (String entry : entries) {
            String[] items = AddressPattern.nonEmpty(entry.split("="));
            if (items.length != 2) {
                throw new IllegalArgumentException("Parse resource permission failed for " + kind + ":" + entry);
            }
            String name = items[0].trim();
            perms.put(kind.equals("group") ? retryTopic(name) : name, Permission.parse(items[1].trim()));
        }
    }

    static String retryTopic(String group) {
        return group == null ? null : TopicValidator.RETRY_GROUP_TOPIC_PREFIX + group;
    }
}
