package io.petrel.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.producer.LocalTransactionState;
import io.petrel.common.message.Message;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void producerDefaultsAreRocketMqs() {
        BenchOptions.Producer p = BenchOptions.producer();
        assertEquals(new BenchOptions.Producer(null, "BenchmarkTest", 64, 128, false, 0, 0, 0, false, 1, false, 1, null), p);
    }

    @Test
    void producerOptionsAreRead() {
        BenchOptions.Producer p = BenchOptions.producer("-n", "127.0.0.1:9876", "-t", "T1", "-w", "8", "-s", "1024",
            "-k", "true", "-p", "40", "-l", "3", "-q", "5000", "-b", "16");
        assertEquals(new BenchOptions.Producer("127.0.0.1:9876", "T1", 8, 1024, true, 40, 3, 5000, false, 1, false,
            16, null), p);
    }

    @Test
    void asyncUsesOneThreadAsRocketMqDoes() {
        BenchOptions.Producer p = BenchOptions.producer("-y", "true", "-w", "32", "-d", "true", "-e", "3");
        assertTrue(p.asyncEnable());
        assertEquals(1, p.threads());
        assertTrue(p.delayEnable());
        assertEquals(3, p.delayLevel());
    }

    @Test
    void badValuesNameTheOption() {
        assertMessage("-w must be at least 1: 0", () -> BenchOptions.producer("-w", "0"));
        assertMessage("-s needs a whole number: big", () -> BenchOptions.producer("-s", "big"));
        assertMessage("-e (delayLevel) must be between 1 and 18: 19", () -> BenchOptions.producer("-e", "19"));
        assertMessage("-r must be between 0 and 1: 1.5", () -> BenchOptions.consumer("-r", "1.5"));
        assertMessage("-w must be at most 2147483647: 4294967296",
            () -> BenchOptions.producer("-w", "4294967296"));
        assertMessage("-m true is not supported by Petrel's client", () -> BenchOptions.consumer("-m", "true"));
        assertMessage("unexpected argument: extra", () -> BenchOptions.transaction("extra"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.producer("-z", "1"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.producer("-d", "true", "-b", "4"));
    }

    @Test
    void aclSignsWithTheGivenKeysOrTheSampleAdminAccount() {
        assertEquals(new BenchOptions.Credentials("rocketmq2", "12345678"), BenchOptions.producer("-a", "true").acl());
        assertEquals(new BenchOptions.Credentials("ak1", "sk1"),
            BenchOptions.consumer("-a", "true", "-ak", "ak1", "-sk", "sk1").acl());
        assertEquals(null, BenchOptions.transaction("-ak", "ak1").acl(), "keys alone do not turn ACL on");
    }

    @Test
    void consumerOptions() {
        assertEquals(new BenchOptions.Consumer(null, "BenchmarkTest", 20, "benchmark_consumer", false, null, null,
            0.0, null), BenchOptions.consumer());
        BenchOptions.Consumer c = BenchOptions.consumer("-t", "T2", "-w", "4", "-g", "g1", "-p", "true", "-f", "SQL92",
            "-e", "/tmp/expr", "-r", "0.25");
        assertEquals(new BenchOptions.Consumer(null, "T2", 4, "g1", true, "SQL92", "/tmp/expr", 0.25, null), c);
        assertMessage("-f (filterType) must be TAG or SQL92: XPATH",
            () -> BenchOptions.consumer("-f", "XPATH", "-e", "x"));
        assertMessage("-f (filterType) and -e (expression) go together", () -> BenchOptions.consumer("-f", "TAG"));
    }

    @Test
    void transactionOptions() {
        BenchOptions.Transaction t = BenchOptions.transaction("-w", "2", "-s", "64", "-sr", "0.1", "-su", "0.2",
            "-cr", "0.3", "-cu", "0.4", "-b", "77", "-i", "5");
        assertEquals(new BenchOptions.Transaction(null, "BenchmarkTest", 2, 64, 0.1, 0.2, 0.3, 0.4, 77, 5, null), t);
        BenchOptions.Transaction d = BenchOptions.transaction();
        assertEquals(32, d.threads());
        assertEquals(2048, d.messageSize());
        assertEquals(0, d.sendIntervalMs());
    }

    @Test
    void transactionOutcomesFollowTheRates() {
        assertEquals(LocalTransactionState.ROLLBACK_MESSAGE, TransactionBench.outcome(0.05, 0.1, 0.2));
        assertEquals(LocalTransactionState.UNKNOW, TransactionBench.outcome(0.25, 0.1, 0.2));
        assertEquals(LocalTransactionState.COMMIT_MESSAGE, TransactionBench.outcome(0.35, 0.1, 0.2));
        assertEquals(LocalTransactionState.COMMIT_MESSAGE, TransactionBench.outcome(0.0, 0.0, 0.0));
    }

    @Test
    void messagesCarryWhatTheOptionsAsk() {
        BenchOptions.Producer p = BenchOptions.producer("-t", "T3", "-k", "true", "-l", "4", "-p", "20", "-d", "true",
            "-e", "2");
        Message m = MessageFactory.build(p, new byte[] {1, 2}, 12_345_678L);
        assertEquals("T3", m.getTopic());
        assertEquals("12345", m.getKeys());
        assertEquals("tag2", m.getTags());
        assertEquals(2, m.getDelayTimeLevel());
        assertEquals("hello78", m.getUserProperty("prop0"));
        assertEquals("78", m.getUserProperty("prop1"));
        assertEquals("hello80", m.getUserProperty("prop2"));
        assertNull(m.getUserProperty("prop4"));
        Message plain = MessageFactory.build(BenchOptions.producer(), new byte[1], 5);
        assertNull(plain.getKeys());
        assertNull(plain.getTags());
        assertNull(plain.getUserProperty("prop0"));
    }

    @Test
    void helpAndUsage() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertNull(MQBench.parse(new String[] {"producer", "-h"}, out));
        String help = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("mqbench producer"), help);
        assertTrue(help.contains("-q,--messageQuantity"), help);
        assertMessage("unknown benchmark 'x'; use producer, consumer or tproducer",
            () -> MQBench.parse(new String[] {"x"}, System.out));
        assertFalse(MQBench.parse(new String[] {"tproducer", "-w", "1"}, System.out) == null);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
