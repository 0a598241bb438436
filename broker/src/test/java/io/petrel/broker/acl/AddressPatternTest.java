package io.petrel.broker.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** White address patterns as RocketMQ 4.9.7 reads them: which hosts each lets through, and which it refuses. */
class AddressPatternTest {
    /** pattern → hosts let through / hosts not let through. */
    private static void assertMatches(String pattern, List<String> yes, List<String> no) {
        AddressPattern p = AddressPattern.parse(pattern);
        Map<String, Boolean> expected = new LinkedHashMap<>();
        Map<String, Boolean> actual = new LinkedHashMap<>();
        yes.forEach(h -> expected.put(h, true));
        no.forEach(h -> expected.put(h, false));
        expected.keySet().forEach(h -> actual.put(h, p.matches(h)));
        assertEquals(expected, actual, pattern);
    }

    @Test
    void blankMatchesNothingAndStarsMatchEverything() {
        assertMatches("", List.of(), List.of("127.0.0.1"));
        assertMatches(null, List.of(), List.of("127.0.0.1"));
        for (String any : List.of("*", "*.*.*.*", "*:*:*:*:*:*:*:*")) {
            assertMatches(any, List.of("127.0.0.1", "10.1.2.3", "::1"), List.of());
        }
    }

    @Test
    void oneAddress() {
        assertMatches("127.0.0.1", List.of("127.0.0.1"), List.of("127.0.0.2", "27.0.0.1"));
        assertMatches("::1", List.of("0:0:0:0:0:0:0:1", "::1"), List.of("::2", "127.0.0.1"));
        assertMatches("2001:DB8::A", List.of("2001:db8:0:0:0:0:0:a"), List.of("2001:db8::b"));
    }

    @Test
    void lists() {
        assertMatches("192.168.1.{1,2,3}", List.of("192.168.1.1", "192.168.1.3"), List.of("192.168.1.4",
            "192.168.1.11"));
        assertMatches("192.168.1.1,192.168.1.5", List.of("192.168.1.1", "192.168.1.5"), List.of("192.168.1.2"));
        assertMatches("2001:db8::{1,a}", List.of("2001:db8::1", "2001:DB8:0:0:0:0:0:A"), List.of("2001:db8::2"));
    }

    @Test
    void ranges() {
        assertMatches("192.168.*.*", List.of("192.168.0.1", "192.168.255.7"), List.of("192.169.0.1", "10.0.0.1"));
        assertMatches("192.168.1.*", List.of("192.168.1.0", "192.168.1.255"), List.of("192.168.2.1"));
        assertMatches("192.168.1.1-5", List.of("192.168.1.1", "192.168.1.5"), List.of("192.168.1.6",
            "192.168.1.0", "192.168.1.10"));
        assertMatches("192.168.1-3.*", List.of("192.168.1.9", "192.168.3.200"), List.of("192.168.4.1"));
        assertMatches("10.*.*.*", List.of("10.0.0.1", "10.200.3.4"), List.of("11.0.0.1"));
        assertMatches("2001:db8:0:0:0:0:0:1-ff", List.of("2001:db8::1", "2001:db8::ff"), List.of("2001:db8::100",
            "2001:db8::"));
        // As in 4.9.7, the groups before an IPv6 range are taken as written: "::" there does not widen.
        assertMatches("2001:db8::1-ff", List.of(), List.of("2001:db8::1", "2001:db8::ff"));
        assertMatches("2001:db8:0:0:0:0:0:*", List.of("2001:db8::1", "2001:db8::ffff"), List.of("2001:db9::1"));
        assertMatches("2001:db8:0:0:0:0:1-2:*", List.of("2001:db8::1:5", "2001:db8::2:0"), List.of(
            "2001:db8::3:0"));
    }

    @Test
    void malformedPatternsAreRefusedWithTheReason() {
        // "192.168.1.1,2,3" is a list of three addresses to 4.9.7, two of them not addresses: the list form is
        // "192.168.1.{1,2,3}".
        for (String bad : List.of("192.168.1.1,2,3", "10.*", "192.168.1.300", "192.168.1.5-1", "192.168.1.-5", "abc",
            "192.168.1.1,nope", "1.2.{3,4}", "2001:db8::*:1", "192.168.1.x-5")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddressPattern.parse(bad), bad);
            assertEquals(true, e.getMessage().contains("Exception") || e.getMessage().contains("wrong format"),
                bad + ": " + e.getMessage());
        }
    }
}
