package io.petrel.broker.acl;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Which client hosts an ACL white address ({@code globalWhiteRemoteAddresses}, an account's
 * {@code whiteRemoteAddress}) lets through, read as RocketMQ 4.9.7 reads it:
 * <ul>
 *   <li>blank: no host; {@code *}, {@code *.*.*.*} or {@code *:*:*:*:*:*:*:*}: every host</li>
 *   <li>{@code 192.168.1.{1,2,3}} or {@code 2001:db8::{1,2}}: the hosts listed in the braces</li>
 *   <li>{@code 192.168.1.1,192.168.1.2}: the hosts listed</li>
 *   <li>{@code 192.168.*.*}, {@code 192.168.1.1-5}, {@code 192.168.1-5.*}, {@code 2001:db8::1-ff:*}: a range in one
 *       part</li>
 *   <li>otherwise one IPv4 or IPv6 address</li>
 * </ul>
 * A pattern that fits none of these is refused with {@link IllegalArgumentException}. Immutable.
 */
public interface AddressPattern {
    AddressPattern NONE = host -> false;
    AddressPattern ANY = host -> true;

    /** Whether {@code host} (an address without port) is let through. */
    boolean matches(String host);

    static AddressPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return NONE;
        }
        if (pattern.equals("*") || pattern.equals("*.*.*.*") || pattern.equals("*:*:*:*:*:*:*:*")) {
            return ANY;
        }
        if (pattern.endsWith("}")) {
            return listed(braced(pattern));
        }
        if (pattern.indexOf(',') >= 0) {
            return listed(nonEmpty(pattern.split(",")));
        }
        if (pattern.indexOf('*') >= 0 || pattern.indexOf('-') >= 0) {
            return pattern.indexOf(':') >= 0 ? Ipv6Range.parse(pattern) : Ipv4Range.parse(pattern);
        }
        return one(pattern);
    }

    /** The addresses of {@code prefix{a,b,c}}: the prefix before the brace followed by each item. */
    private static String[] braced(String pattern) {
        String[] parts = nonEmpty(pattern.split(pattern.indexOf(':') >= 0 ? ":" : "\\."));
        if (pattern.indexOf(':') < 0 && parts.length < 4) {
            throw new IllegalArgumentException("MultipleRemoteAddressStrategy has got a/some wrong format IP(s) ");
        }
        if (!parts[parts.length - 1].startsWith("{")) {
            throw new IllegalArgumentException("MultipleRemoteAddressStrategy netaddress examine scope Exception "
                + "netaddress");
        }
        String prefix = pattern.substring(0, pattern.indexOf('{'));
        String[] items = nonEmpty(pattern.substring(pattern.indexOf('{') + 1, pattern.length() - 1).split(","));
        return Arrays.stream(items).map(item -> prefix + item).toArray(String[]::new);
    }

    private static AddressPattern listed(String[] addresses) {
        Set<String> hosts = new HashSet<>();
        for (String a : addresses) {
            if (InetLiterals.isIpv4(a)) {
                hosts.add(a);
            } else if (InetLiterals.isIpv6(a)) {
                hosts.add(InetLiterals.expand(a, 8));
            } else {
                throw invalid(a);
            }
        }
        return host -> hosts.contains(InetLiterals.isIpv6(host) ? InetLiterals.expand(host, 8) : host);
    }

    private static AddressPattern one(String address) {
        if (!InetLiterals.isIpv4(address) && !InetLiterals.isIpv6(address)) {
            throw invalid(address);
        }
        String expanded = InetLiterals.expand(address, 8);
        return host -> host != null && expanded.equals(InetLiterals.expand(host, 8));
    }

    /** The parts of a split without the empty ones, as the splits 4.9.7 uses drop them. */
    static String[] nonEmpty(String[] parts) {
        return Arrays.stream(parts).filter(p -> !p.isEmpty()).toArray(String[]::new);
    }

    /**
     * {@code [start, end]} of one range part: {@code *} is {@code [0, max]}, {@code a-b} two numbers in
     * {@code radix} with {@code 0 <= a <= b <= max}; null for a part that is neither.
     */
    static int[] rangePart(String part, int radix, int max, String pattern) {
        if (part.equals("*")) {
            return new int[] {0, max};
        }
        if (part.indexOf('-') < 0) {
            return null;
        }
        String[] ends = nonEmpty(part.split("-"));
        if (part.startsWith("-") || ends.length != 2) {
            throw new IllegalArgumentException("RangeRemoteAddressStrategy netaddress examine scope Exception value "
                + part + " ");
        }
        int start;
        int end;
        try {
            start = Integer.parseInt(ends[0].trim(), radix);
            end = Integer.parseInt(ends[1].trim(), radix);
        } catch (NumberFormatException e) {
            throw outOfScope(pattern);
        }
        if (start < 0 || end > max || start > end) {
            throw new IllegalArgumentException("RangeRemoteAddressStrategy netaddress examine scope Exception start is "
                + start + " , end is " + end);
        }
        return new int[] {start, end};
    }

    static IllegalArgumentException invalid(String address) {
        return new IllegalArgumentException("Netaddress examine Exception netaddress is " + address);
    }

    static IllegalArgumentException outOfScope(String address) {
        return new IllegalArgumentException("Netaddress examine scope Exception netaddress is " + address);
    }
}
