package io.petrel.broker.acl;

import io.petrel.remoting.protocol.RequestCode;
import java.util.List;
import java.util.Set;

/**
 * The permission bits of plain ACL and the words the ACL file spells them with: {@code DENY}, {@code PUB},
 * {@code SUB}, {@code PUB|SUB} (or {@code SUB|PUB}). Anything else reads as DENY.
 */
public final class Permission {
    public static final byte DENY = 1;
    public static final byte ANY = 1 << 1;
    public static final byte PUB = 1 << 2;
    public static final byte SUB = 1 << 3;

    /** The requests only an admin account may make, whatever its topic and group permissions. */
    private static final Set<Integer> ADMIN_CODES = Set.of(RequestCode.UPDATE_AND_CREATE_TOPIC,
        RequestCode.UPDATE_BROKER_CONFIG, RequestCode.DELETE_TOPIC_IN_BROKER,
        RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, RequestCode.DELETE_SUBSCRIPTIONGROUP,
        RequestCode.SET_MESSAGE_REQUEST_MODE, RequestCode.UPDATE_AND_CREATE_TOPIC_LIST,
        RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST);

    private Permission() {
    }

    public static boolean needsAdmin(int requestCode) {
        return ADMIN_CODES.contains(requestCode);
    }

    /** Whether {@code owned} grants {@code needed}: never with DENY; ANY is met by PUB or SUB. */
    public static boolean grants(byte owned, byte needed) {
        if ((owned & DENY) != 0) {
            return false;
        }
        if ((needed & ANY) != 0) {
            return (owned & (PUB | SUB)) != 0;
        }
        return (needed & owned) != 0;
    }

    /** The bits a permission word stands for; null and unknown words are DENY. */
    public static byte parse(String word) {
        if (word == null) {
            return DENY;
        }
        return switch (word.trim()) {
            case "PUB" -> PUB;
            case "SUB" -> SUB;
            case "PUB|SUB", "SUB|PUB" -> PUB | SUB;
            default -> DENY;
        };
    }

    /**
     * Checks {@code name=PERM} entries given to UPDATE_AND_CREATE_ACL_CONFIG: each has one {@code =} and a known
     * permission word.
     */
    public static void checkEntries(List<String> entries) {
        if (entries == null) {
            return;
        }
        for (String entry : entries) {
            String[] items = AddressPattern.nonEmpty(entry.split("="));
            if (items.length != 2) {
                throw new IllegalArgumentException("Parse Resource format error for " + entry + ".\n"
                    + "The expected resource format is 'Res=Perm'. For example: topicA=SUB");
            }
            if (!"DENY".equals(items[1].trim()) && parse(items[1].trim()) == DENY) {
                throw new IllegalArgumentException("Parse resource permission error for " + entry + ".\n"
                    + "The expected permissions are 'SUB' or 'PUB' or 'SUB|PUB' or 'PUB|SUB'.");
            }
        }
    }
}
