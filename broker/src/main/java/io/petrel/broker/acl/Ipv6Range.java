package io.petrel.broker.acl;

/**
 * An IPv6 white address with a range in one group: {@code 2001:db8::1-ff} (the last group 1–ff),
 * {@code 2001:db8::*} (the last group, any), {@code 2001:db8::1-ff:*} (the group before a trailing {@code *}). A
 * {@code *} may only end the pattern. Hosts are compared written out in full. Immutable.
 */
record Ipv6Range(String head, int index, int start, int end) implements AddressPattern {
    static Ipv6Range parse(String pattern) {
        checkShape(pattern);
        String[] groups = AddressPattern.nonEmpty(pattern.split(":"));
        for (int i = 1; i < groups.length; i++) {
            int[] range = AddressPattern.rangePart(groups[i].trim(), 16, 0xffff, pattern);
            if (range != null && range[1] > 0) {
                checkHead(pattern, i - 1);
                String head = head(pattern);
                return new Ipv6Range(head, AddressPattern.nonEmpty(head.split(":")).length, range[0], range[1]);
            }
        }
        throw AddressPattern.outOfScope(pattern);
    }

    /** A {@code *} only at the end; a {@code -} only in the last group, or the one before a trailing {@code *}. */
    private static void checkShape(String pattern) {
        int star = pattern.indexOf('*');
        int minus = pattern.indexOf('-');
        if (star > -1 && star != pattern.length() - 1) {
            throw AddressPattern.outOfScope(pattern);
        }
        if (minus > -1) {
            int lastColon = pattern.lastIndexOf(':');
            int limit = star == -1 ? lastColon : pattern.lastIndexOf(':', lastColon - 1);
            if (minus <= limit) {
                throw AddressPattern.outOfScope(pattern);
            }
        }
    }

    /** The first {@code fixed} groups of the written-out pattern are hex numbers. */
    private static void checkHead(String pattern, int fixed) {
        String[] groups = InetLiterals.expand(pattern, 8).split(":");
        for (int i = 0; i < fixed && i < groups.length; i++) {
            try {
                if (Integer.parseInt(groups[i], 16) > 0xffff) {
                    throw AddressPattern.outOfScope(pattern);
                }
            } catch (NumberFormatException e) {
                throw AddressPattern.outOfScope(pattern);
            }
        }
    }

    /** The fixed groups in front of the range, written out in full. */
    private static String head(String pattern) {
        boolean star = pattern.indexOf('*') >= 0;
        boolean minus = pattern.indexOf('-') >= 0;
        if (star && minus) {
            int last = pattern.lastIndexOf(':');
            return InetLiterals.expand(pattern.substring(0, pattern.substring(0, last).lastIndexOf(':')), 6);
        }
        return InetLiterals.expand(pattern.substring(0, pattern.lastIndexOf(':')), 7);
    }

    @Override
    public boolean matches(String host) {
        if (!InetLiterals.isIpv6(host)) {
            return false;
        }
        String full = InetLiterals.expand(host, 8);
        if (!full.startsWith(head)) {
            return false;
        }
        int value = Integer.parseInt(full.substring(5 * index, 5 * index + 4), 16);
        return value >= start && value <= end;
    }
}
