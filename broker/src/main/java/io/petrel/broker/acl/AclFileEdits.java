package io.petrel.broker.acl;

import io.petrel.common.body.PlainAccessConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits of one ACL file's content as the admin requests make them, keeping everything else in the file as it
 * was. Stateless; the maps given are changed in place.
 */
final class AclFileEdits {
    private AclFileEdits() {
    }

    /**
     * The file's content with {@code config}'s account in it: an existing account of that key is updated (the
     * fields {@code config} sets replace the file's, and the account moves to the end of the list); else the
     * account is added at the end.
     */
    static Map<String, Object> withAccount(Map<String, Object> content, PlainAccessConfig config) {
        Map<String, Object> out = content == null ? new LinkedHashMap<>() : content;
        List<Object> accounts = new ArrayList<>(AclFiles.list(out.get(AclFiles.ACCOUNTS), AclFiles.ACCOUNTS));
        Map<String, Object> existing = null;
        for (Iterator<Object> it = accounts.iterator(); it.hasNext(); ) {
            if (it.next() instanceof Map<?, ?> a && config.accessKey().equals(AclFiles.string(a.get("accessKey")))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) a;
                existing = typed;
                it.remove();
                break;
            }
        }
        accounts.add(accountEntry(existing, config));
        out.put(AclFiles.ACCOUNTS, accounts);
        return out;
    }

    /** Removes the account of {@code accessKey}; false if the file has none. */
    static boolean removeAccount(Map<String, Object> content, String accessKey) {
        List<Object> accounts = new ArrayList<>(AclFiles.list(content.get(AclFiles.ACCOUNTS), AclFiles.ACCOUNTS));
        boolean removed = accounts.removeIf(a -> a instanceof Map<?, ?> m
            && accessKey.equals(AclFiles.string(m.get("accessKey"))));
        if (removed) {
            content.put(AclFiles.ACCOUNTS, accounts);
        }
        return removed;
    }

    /** The account's YAML map: the existing one with {@code config}'s fields put in, keys in 4.9.7's order. */
    private static Map<String, Object> accountEntry(Map<String, Object> existing, PlainAccessConfig c) {
        Map<String, Object> a = existing == null ? new LinkedHashMap<>() : existing;
        a.put("accessKey", c.accessKey());
        if (c.secretKey() != null && !c.secretKey().isEmpty()) {
            a.put("secretKey", c.secretKey());
        }
        if (c.whiteRemoteAddress() != null) {
            a.put("whiteRemoteAddress", c.whiteRemoteAddress());
        }
        a.put("admin", c.admin());
        if (c.defaultTopicPerm() != null && !c.defaultTopicPerm().isEmpty()) {
            a.put("defaultTopicPerm", c.defaultTopicPerm());
        }
        if (c.defaultGroupPerm() != null && !c.defaultGroupPerm().isEmpty()) {
            a.put("defaultGroupPerm", c.defaultGroupPerm());
        }
        if (c.topicPerms() != null) {
            a.put("topicPerms", new ArrayList<>(c.topicPerms()));
        }
        if (c.groupPerms() != null) {
            a.put("groupPerms", new ArrayList<>(c.groupPerms()));
        }
        return a;
    }
}
