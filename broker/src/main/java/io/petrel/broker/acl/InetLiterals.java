package io.petrel.broker.acl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** IPv4 and IPv6 literals as the ACL address patterns read them: validity, and IPv6 written out in full. */
final class InetLiterals {
    private InetLiterals() {
    }

    /** Four dot-separated decimal parts 0–255, no leading zeros. */
    static boolean isIpv4(String s) {
        if (s == null) {
            return false;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0') || !digits(p)
                || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Up to eight groups of 1–4 hex digits, one {@code ::} at most, an IPv4 literal allowed as the last two. */
    static boolean isIpv6(String s) {
        if (s == null || !s.contains(":") || s.indexOf("::") != s.lastIndexOf("::")) {
            return false;
        }
        boolean compressed = s.contains("::");
        if ((s.startsWith(":") && !s.startsWith("::")) || (s.endsWith(":") && !s.endsWith("::"))) {
            return false;
        }
        String[] groups = s.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue;
            }
            if (i == groups.length - 1 && g.contains(".")) {
                if (!isIpv4(g)) {
                    return false;
                }
                count += 2;
            } else if (g.length() > 4 || !hex(g)) {
                return false;
            } else {
                count++;
            }
        }
        return compressed ? count < 8 : count == 8;
    }

    /**
     * {@code address} upper-cased, {@code ::} widened so that it has {@code parts} colon-separated groups, and each
     * group left-padded with zeros to four characters ({@code ::1} → {@code 0000:…:0001}). An IPv4 literal comes
     * back upper-cased and otherwise as it was.
     */
    static String expand(String address, int parts) {
        String s = address.toUpperCase(Locale.ROOT);
        int pad = parts - count(s, ':');
        if (pad > 0) {
            s = s.replace("::", ":".repeat(pad + 1));
        }
        String[] groups = s.split(":", -1);
        List<String> padded = new ArrayList<>(groups.length);
        for (String g : groups) {
            padded.add(g.length() < 4 ? "0".repeat(4 - g.length()) + g : g);
        }
        return String.join(":", padded);
    }

    static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
