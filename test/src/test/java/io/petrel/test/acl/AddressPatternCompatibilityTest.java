package io.petrel.test.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petrel.broker.acl.AddressPattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.acl.plain.PlainAccessResource;
import org.apache.rocketmq.acl.plain.RemoteAddressStrategy;
import org.apache.rocketmq.acl.plain.RemoteAddressStrategyFactory;
import org.junit.jupiter.api.Test;

/** Petrel's white address patterns against 4.9.7's, pattern by pattern and host by host: same hosts let through. */
class AddressPatternCompatibilityTest {
    private static final List<String> PATTERNS = List.of("", "*", "*.*.*.*", "*:*:*:*:*:*:*:*", "127.0.0.1",
        "192.168.1.{1,2,3}", "192.168.1.1,192.168.1.5", "192.168.*.*", "192.168.1.*", "192.168.1.1-5",
        "192.168.1-3.*", "10.*.*.*", "::1", "2001:db8::{1,a}", "2001:db8:0:0:0:0:0:1-ff", "2001:db8:0:0:0:0:0:*",
        "2001:db8:0:0:0:0:1-2:*", "2001:db8::1-ff", "192.168.1.1,2,3", "10.*", "192.168.1.300", "192.168.1.5-1",
        "1.2.{3,4}", "2001:db8::*:1", "abc");
    private static final List<String> HOSTS = List.of("127.0.0.1", "192.168.1.1", "192.168.1.3", "192.168.1.5",
        "192.168.1.6", "192.168.2.9", "192.168.4.1", "192.169.0.1", "10.200.3.4", "0:0:0:0:0:0:0:1",
        "2001:db8:0:0:0:0:0:1", "2001:db8:0:0:0:0:0:a", "2001:db8:0:0:0:0:0:ff", "2001:db8:0:0:0:0:0:100",
        "2001:db8:0:0:0:0:1:5", "2001:db8:0:0:0:0:3:0");

    private static String official(String pattern, String host) {
        RemoteAddressStrategy strategy;
        try {
            strategy = new RemoteAddressStrategyFactory().getRemoteAddressStrategy(pattern);
        } catch (RuntimeException e) {
            return "refused";
        }
        PlainAccessResource resource = new PlainAccessResource();
        resource.setWhiteRemoteAddress(host);
        return Boolean.toString(strategy.match(resource));
    }

    private static String petrel(String pattern, String host) {
        AddressPattern p;
        try {
            p = AddressPattern.parse(pattern);
        } catch (IllegalArgumentException e) {
            return "refused";
        }
        return Boolean.toString(p.matches(host));
    }

    @Test
    void everyPatternLetsTheSameHostsThrough() {
        Map<String, String> theirs = new LinkedHashMap<>();
        Map<String, String> ours = new LinkedHashMap<>();
        for (String pattern : PATTERNS) {
            for (String host : HOSTS) {
                theirs.put("'" + pattern + "' " + host, official(pattern, host));
                ours.put("'" + pattern + "' " + host, petrel(pattern, host));
            }
        }
        assertEquals(theirs, ours);
        assertEquals("true", ours.get("'192.168.1.1-5' 192.168.1.5"));
        assertEquals("refused", ours.get("'10.*' 127.0.0.1"));
    }
}
