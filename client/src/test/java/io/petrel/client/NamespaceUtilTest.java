package io.petrel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Petrel's namespace wrapping gives the official 4.9.7 {@code NamespaceUtil}'s answers. */
class NamespaceUtilTest {
    private static final String[] NAMESPACES = {null, "", "NS", "MQ_INST_1", "ns-2", "rmq_sys_ns", "CID_RMQ_SYS_X",
        "a%b", "%RETRY%", " "};
    private static final String[] RESOURCES = {null, "", " ", "T", "TopicA", "NS%T", "MQ_INST_1%GID_1",
        "%RETRY%G", "%RETRY%NS%G", "%DLQ%G", "%DLQ%NS%G", "%RETRY%MQ_INST_1%GID_1", "%RETRY%", "%DLQ%", "NS%",
        "%RETRY%NS%", "TBW102", "SCHEDULE_TOPIC_XXXX", "RMQ_SYS_TRANS_HALF_TOPIC", "rmq_sys_x", "rmq_sys_ns%T",
        "CID_RMQ_SYS_TRANS", "%RETRY%CID_RMQ_SYS_X", "CID_RMQ_SYS_X%T", "OTHER%T", "%RETRY%OTHER%G", "a%b%T",
        "%T", "%%", "NS%NS%T", "%RETRY%%DLQ%NS%G", "%DLQ%%RETRY%G", "ns-2%x"};
    /** Shared by the comparisons (building an official config looks up the local address, which is slow). */
    private static final ClientConfig PETREL_CONFIG = new ClientConfig();
    private static final org.apache.rocketmq.client.ClientConfig OFFICIAL_CONFIG =
        new org.apache.rocketmq.client.ClientConfig();

    @Test
    void tableMatchesTheOfficialResults() {
        for (String ns : NAMESPACES) {
            for (String r : RESOURCES) {
                compare(ns, r);
            }
        }
    }

    @Test
    void randomNamesMatchTheOfficialResults() {
        long seed = 4_977L;
        Random random = new Random(seed);
        String[] parts = {"%", "%RETRY%", "%DLQ%", "NS", "N", "S", "rmq_sys_", "CID_RMQ_SYS_", "TBW102", "x", "_",
            "-", "1"};
        for (int i = 0; i < 20_000; i++) {
            String ns = random.nextInt(10) == 0 ? NAMESPACES[random.nextInt(NAMESPACES.length)]
                : randomName(random, parts, 3);
            String r = random.nextInt(5) == 0 && ns != null ? wrapByHand(random, ns, randomName(random, parts, 3))
                : randomName(random, parts, 5);
            compare(ns, r);
        }
    }

    @Test
    void examples() {
        assertEquals("NS%T", NamespaceUtil.wrapNamespace("NS", "T"));
        assertEquals("%RETRY%NS%G", NamespaceUtil.wrapNamespace("NS", "%RETRY%G"));
        assertEquals("%DLQ%NS%G", NamespaceUtil.wrapNamespace("NS", "%DLQ%G"));
        assertEquals("NS%T", NamespaceUtil.wrapNamespace("NS", "NS%T"), "already wrapped");
        assertEquals("TBW102", NamespaceUtil.wrapNamespace("NS", "TBW102"), "system topic");
        assertEquals("CID_RMQ_SYS_TRANS", NamespaceUtil.wrapNamespace("NS", "CID_RMQ_SYS_TRANS"), "system group");
        assertEquals("T", NamespaceUtil.withoutNamespace("NS%T", "NS"));
        assertEquals("%RETRY%G", NamespaceUtil.withoutNamespace("%RETRY%NS%G", "NS"));
        assertEquals("OTHER%T", NamespaceUtil.withoutNamespace("OTHER%T", "NS"), "another namespace stays");
        assertEquals("%RETRY%NS%G", NamespaceUtil.wrapNamespaceAndRetry("NS", "G"));
        assertEquals("%RETRY%G", NamespaceUtil.wrapNamespaceAndRetry(null, "G"));
        assertNull(NamespaceUtil.wrapNamespaceAndRetry("NS", ""));
    }

    private static void compare(String ns, String r) {
        String what = "namespace " + quote(ns) + ", resource " + quote(r);
        assertEquals(org.apache.rocketmq.common.protocol.NamespaceUtil.wrapNamespace(ns, r),
            NamespaceUtil.wrapNamespace(ns, r), "wrap: " + what);
        assertEquals(org.apache.rocketmq.common.protocol.NamespaceUtil.withoutNamespace(r, ns),
            NamespaceUtil.withoutNamespace(r, ns), "unwrap: " + what);
        if (r != null) {
            assertEquals(org.apache.rocketmq.common.protocol.NamespaceUtil.wrapNamespaceAndRetry(ns, r),
                NamespaceUtil.wrapNamespaceAndRetry(ns, r), "retry: " + what);
        }

        PETREL_CONFIG.setNamespace(ns);
        OFFICIAL_CONFIG.setNamespace(ns);
        assertEquals(OFFICIAL_CONFIG.withNamespace(r), PETREL_CONFIG.withNamespace(r), "ClientConfig wrap: " + what);
        assertEquals(OFFICIAL_CONFIG.withoutNamespace(r), PETREL_CONFIG.withoutNamespace(r),
            "ClientConfig unwrap: " + what);
    }

    private static String randomName(Random random, String[] parts, int maxParts) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(maxParts);
        for (int i = 0; i < n; i++) {
            sb.append(parts[random.nextInt(parts.length)]);
        }
        return sb.toString();
    }

    private static String wrapByHand(Random random, String ns, String name) {
        String prefix = List.of("", "%RETRY%", "%DLQ%").get(random.nextInt(3));
        return prefix + ns + "%" + name;
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Test
    void setHelpersKeepEveryName() {
        ClientConfig petrel = new ClientConfig();
        petrel.setNamespace("NS");
        org.apache.rocketmq.client.ClientConfig official = new org.apache.rocketmq.client.ClientConfig();
        official.setNamespace("NS");
        java.util.Set<String> names = new java.util.LinkedHashSet<>(Arrays.asList("T", "%RETRY%G", "TBW102",
            "NS%U"));
        assertEquals(official.withNamespace(names), petrel.withNamespace(names));
        java.util.Set<String> wrapped = petrel.withNamespace(names);
        assertEquals(official.withoutNamespace(wrapped), petrel.withoutNamespace(wrapped));
        List<String> back = new ArrayList<>(petrel.withoutNamespace(wrapped));
        assertEquals(List.of("T", "%RETRY%G", "TBW102", "U"), back, "order kept");
    }
}
