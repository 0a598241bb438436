package io.petrel.broker.acl;

/**
 * An IPv4 white address with a range in its second, third or fourth part: {@code 10.*.*.*} lets through 10/8,
 * {@code 192.168.*.*} lets through 192.168.0.0–192.168.255.255, {@code 192.168.1.10-20} the
 * hosts 10 to 20 of 192.168.1, {@code 192.168.1-3.*} the three /24s. The first part holding {@code *} or
 * {@code a-b} is the range; the parts before it are the fixed head, the parts after it are not looked at.
 * Immutable.
 */
record Ipv4Range(String head, int index, int start, int end) implements AddressPattern {
    static Ipv4Range parse(String pattern) {
        String[] parts = AddressPattern.nonEmpty(pattern.split("\\."));
        for (int index = 1; index <= 3 && index < parts.length; index++) {
            int[] range = AddressPattern.rangePart(parts[index].trim(), 10, 255, pattern);
            if (range != null && range[1] > 0) {
                checkHead(pattern, index - 1);
                StringBuilder head = new StringBuilder();
                for (int j = 0; j < index; j++) {
                    head.append(parts[j].trim()).append('.');
                }
                return new Ipv4Range(head.toString(), index, range[0], range[1]);
            }
        }
        throw AddressPattern.outOfScope(pattern);
    }

    /** The pattern has four parts and the first {@code fixed} of them are numbers 0–255. */
    private static void checkHead(String pattern, int fixed) {
        String[] parts = AddressPattern.nonEmpty(pattern.split("\\."));
        if (parts.length != 4) {
            throw AddressPattern.outOfScope(pattern);
        }
        for (int i = 0; i < fixed; i++) {
            int v = number(parts[i].trim(), pattern);
            if (v < 0 || v > 255) {
                throw AddressPattern.outOfScope(pattern);
            }
        }
    }

    private static int number(String s, String pattern) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw AddressPattern.outOfScope(pattern);
        }
    }

    @Override
    public boolean matches(String host) {
        if (!InetLiterals.isIpv4(host) || !host.startsWith(head)) {
            return false;
        }
        int partEnd = host.length();
        for (int dropped = 3 - index; dropped > 0; dropped--) {
            partEnd = host.lastIndexOf('.', partEnd - 1);
        }
        String part = host.substring(head.length(), partEnd);
        if (part.isEmpty() || part.indexOf('.') >= 0) {
            return false;
        }
        int value = Integer.parseInt(part);
        return value >= start && value <= end;
    }
}
