package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageBatchCodec;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.PropertiesCodec;
import io.petrel.common.message.StoredMessageCodec;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExtBatch;
import org.apache.rocketmq.store.MessageExtBrokerInner;
import org.apache.rocketmq.store.stats.BrokerStatsManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by the official RocketMQ 4.9.7 DefaultMessageStore opens in Petrel's store, and
 * one written by Petrel opens in the official store; every message reads back identical through
 * the ConsumeQueue and by key. Several small (64 KiB) CommitLog files, keys, tags, properties and
 * a batch.
 */
class CrossImplementationTest {
    private static final int CL_FILE = 64 * 1024;
    private static final int CQ_FILE = 300 * 20;
    private static final int SLOTS = 1000;
    private static final int ENTRIES = 20_000;
    private static final String[] TOPICS = {"XT_A", "XT_B"};
    private static final int QUEUES = 3;
    private static final int COUNT = 2500;
    private static final int BATCH_AT = 1200;
    private static final int BATCH_SIZE = 5;

    @TempDir
    Path root;

    /** One message as written: inputs plus where it landed. */
    record Written(String topic, int queueId, byte[] body, Map<String, String> props, long queueOffset, long phyOffset) {
    }

    record Input(String topic, int queueId, byte[] body, Map<String, String> props) {
    }

    private static List<Input> workload(long seed) {
        Random rnd = new Random(seed);
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            byte[] body = new byte[50 + rnd.nextInt(250)];
            rnd.nextBytes(body);
            Map<String, String> props = new LinkedHashMap<>();
            props.put("KEYS", "k" + i + " grp" + (i % 40));
            props.put("UNIQ_KEY", String.format("UNIQ%016X", seed * 100_000 + i));
            if (i % 7 != 0) {
                props.put("TAGS", "Tag" + (i % 5));
            }
            props.put("idx", String.valueOf(i));
            props.put("CLUSTER", "DefaultCluster");
            out.add(new Input(TOPICS[i % 2], rnd.nextInt(QUEUES), body, props));
        }
        return out;
    }

    @Test
    void officialStoreOpensInPetrel() throws Exception {
        List<Written> written = writeWithOfficial(workload(42));
        assertTrue(Files.list(root.resolve("commitlog")).count() >= 5, "expected several CommitLog files");
        DefaultMessageStore store = new DefaultMessageStore(petrelConfig(), Clock.systemUTC());
        try {
            assertTrue(store.load(), "official store exited normally");
            store.start();
            for (String topic : TOPICS) {
                for (int q = 0; q < QUEUES; q++) {
                    assertQueue(expectedFor(written, topic, q), readAllPetrel(store, topic, q));
                }
            }
            for (int i = 0; i < written.size(); i += 37) {
                Written w = written.get(i);
                assertFoundByKey(w, store.queryMessage(w.topic(), w.props().get("UNIQ_KEY"), 32, 0, Long.MAX_VALUE).messages());
                String key = w.props().get("KEYS").split(" ")[0];
                assertFoundByKey(w, store.queryMessage(w.topic(), key, 32, 0, Long.MAX_VALUE).messages());
            }
            PutMessageResult more = store.putMessage(TestMessages.message("XT_A", 0, "petrel-after-official"));
            assertTrue(more.isOk());
            assertEquals(expectedFor(written, "XT_A", 0).size(), more.logicsOffset());
        } finally {
            store.shutdown();
        }
    }

    @Test
    void petrelStoreOpensInOfficial() throws Exception {
        List<Written> written = writeWithPetrel(workload(7));
        assertTrue(Files.list(root.resolve("commitlog")).count() >= 5, "expected several CommitLog files");
        org.apache.rocketmq.store.DefaultMessageStore official = officialStore();
        try {
            assertTrue(official.load());
            official.start();
            for (String topic : TOPICS) {
                for (int q = 0; q < QUEUES; q++) {
                    assertQueue(expectedFor(written, topic, q), readAllOfficial(official, topic, q));
                }
            }
            for (int i = 0; i < written.size(); i += 37) {
                Written w = written.get(i);
                assertFoundByKey(w, queryOfficial(official, w.topic(), w.props().get("UNIQ_KEY")));
                assertFoundByKey(w, queryOfficial(official, w.topic(), w.props().get("KEYS").split(" ")[0]));
            }
        } finally {
            official.shutdown();
        }
    }

    @Test
    void petrelStoreKilledMidWriteOpensInOfficialWithEveryAcknowledgedMessage() throws Exception {
        Path dir = root;
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long lastAck = killAfterAcks(new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
            CrashWriterMain.class.getName(), dir.toString(), "SYNC_FLUSH", "0"), 400);
        assertTrue(Files.exists(dir.resolve("abort")), "killed store leaves abort behind");
        org.apache.rocketmq.store.config.MessageStoreConfig c = new org.apache.rocketmq.store.config.MessageStoreConfig();
        c.setStorePathRootDir(dir.toString());
        c.setStorePathCommitLog(dir.resolve("commitlog").toString());
        c.setMappedFileSizeCommitLog(64 * 1024);
        c.setMappedFileSizeConsumeQueue(6000);
        c.setMaxHashSlotNum(1000);
        c.setMaxIndexNum(20_000);
        try (ServerSocket s = new ServerSocket(0)) {
            c.setHaListenPort(s.getLocalPort());
        }
        org.apache.rocketmq.store.DefaultMessageStore official = new org.apache.rocketmq.store.DefaultMessageStore(c,
            new BrokerStatsManager("DefaultCluster", true), null, new BrokerConfig());
        try {
            assertTrue(official.load());
            official.start();
            Set<Long> seqs = new java.util.HashSet<>();
            for (int q = 0; q < CrashWriterMain.QUEUES; q++) {
                List<MessageExt> msgs = readAllOfficial(official, CrashWriterMain.TOPIC, q);
                for (int i = 0; i < msgs.size(); i++) {
                    MessageExt m = msgs.get(i);
                    assertEquals(i, m.getQueueOffset());
                    long seq = Long.parseLong(m.getProperties().get("seq"));
                    assertTrue(java.util.Arrays.equals(CrashWriterMain.body(seq), m.getBody()), "body of " + seq);
                    seqs.add(seq);
                }
            }
            for (long seq = 0; seq <= lastAck; seq++) {
                assertTrue(seqs.contains(seq), "acknowledged message " + seq + " missing in the official store");
            }
            String lastSeq = String.valueOf(lastAck);
            assertTrue(queryOfficial(official, CrashWriterMain.TOPIC, "ck" + lastSeq).stream()
                .anyMatch(m -> m.getProperties().get("seq").equals(lastSeq)));
        } finally {
            official.shutdown();
        }
    }

    @Test
    void officialStoreKilledMidWriteOpensInPetrelWithEveryAcknowledgedMessage() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx256m"));
        for (String pkg : List.of("java.base/java.nio", "java.base/sun.nio.ch", "java.base/java.lang",
            "java.base/jdk.internal.ref", "java.base/jdk.internal.misc")) {
            cmd.add("--add-opens");
            cmd.add(pkg + "=ALL-UNNAMED");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), OfficialCrashWriterMain.class.getName(), root.toString()));
        long lastAck = killAfterAcks(new ProcessBuilder(cmd), 400);
        assertTrue(Files.exists(root.resolve("abort")), "killed official store leaves abort behind");
        DefaultMessageStore store = new DefaultMessageStore(CrashWriterMain.config(root, FlushDiskType.SYNC_FLUSH, false),
            Clock.systemUTC());
        try {
            assertFalse(store.load(), "abnormal exit detected");
            store.start();
            Set<Long> seqs = new java.util.HashSet<>();
            for (int q = 0; q < CrashWriterMain.QUEUES; q++) {
                List<MessageExt> msgs = readAllPetrel(store, CrashWriterMain.TOPIC, q);
                for (int i = 0; i < msgs.size(); i++) {
                    assertEquals(i, msgs.get(i).getQueueOffset());
                    long seq = Long.parseLong(msgs.get(i).getProperty("seq"));
                    assertTrue(java.util.Arrays.equals(CrashWriterMain.body(seq), msgs.get(i).getBody()), "body of " + seq);
                    seqs.add(seq);
                }
            }
            for (long seq = 0; seq <= lastAck; seq++) {
                assertTrue(seqs.contains(seq), "acknowledged message " + seq + " missing in Petrel");
            }
            String lastSeq = String.valueOf(lastAck);
            assertTrue(store.queryMessage(CrashWriterMain.TOPIC, "ck" + lastSeq, 32, 0, Long.MAX_VALUE).messages().stream()
                .anyMatch(m -> m.getProperty("seq").equals(lastSeq)));
        } finally {
            store.shutdown();
        }
    }

    private static long killAfterAcks(ProcessBuilder pb, long acks) throws Exception {
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long lastAck = -1;
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && lastAck < acks) {
                if (line.startsWith("ACK ")) {
                    lastAck = Long.parseLong(line.split(" ")[1]);
                }
            }
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertTrue(lastAck >= acks, "child acknowledged only " + lastAck);
        return lastAck;
    }

    private MessageStoreConfig petrelConfig() {
        return MessageStoreConfig.builder().storePathRootDir(root).mappedFileSizeCommitLog(CL_FILE)
            .mappedFileSizeConsumeQueue(CQ_FILE).maxHashSlotNum(SLOTS).maxIndexNum(ENTRIES).build();
    }

    private org.apache.rocketmq.store.DefaultMessageStore officialStore() throws Exception {
        org.apache.rocketmq.store.config.MessageStoreConfig c = new org.apache.rocketmq.store.config.MessageStoreConfig();
        c.setStorePathRootDir(root.toString());
        c.setStorePathCommitLog(root.resolve("commitlog").toString());
        c.setMappedFileSizeCommitLog(CL_FILE);
        c.setMappedFileSizeConsumeQueue(CQ_FILE);
        c.setMaxHashSlotNum(SLOTS);
        c.setMaxIndexNum(ENTRIES);
        try (ServerSocket s = new ServerSocket(0)) {
            c.setHaListenPort(s.getLocalPort());
        }
        return new org.apache.rocketmq.store.DefaultMessageStore(c, new BrokerStatsManager("DefaultCluster", true),
            null, new BrokerConfig());
    }

    private List<Written> writeWithOfficial(List<Input> inputs) throws Exception {
        org.apache.rocketmq.store.DefaultMessageStore official = officialStore();
        List<Written> out = new ArrayList<>();
        try {
            assertTrue(official.load());
            official.start();
            for (int i = 0; i < inputs.size(); i++) {
                if (i == BATCH_AT) {
                    out.addAll(officialBatch(official, inputs.subList(i, i + BATCH_SIZE)));
                    i += BATCH_SIZE - 1;
                    continue;
                }
                Input in = inputs.get(i);
                MessageExtBrokerInner m = new MessageExtBrokerInner();
                m.setTopic(in.topic());
                m.setQueueId(in.queueId());
                m.setBody(in.body());
                m.setBornTimestamp(System.currentTimeMillis());
                m.setBornHost(TestMessages.BORN);
                m.setStoreHost(TestMessages.STORE);
                MessageAccessor.setProperties(m, new HashMap<>(in.props()));
                m.setPropertiesString(PropertiesCodec.encode(in.props()));
                m.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(in.props().get("TAGS")));
                org.apache.rocketmq.store.PutMessageResult r = official.putMessage(m);
                assertTrue(r.isOk(), "official put " + r);
                out.add(new Written(in.topic(), in.queueId(), in.body(), in.props(),
                    r.getAppendMessageResult().getLogicsOffset(), r.getAppendMessageResult().getWroteOffset()));
            }
            org.awaitility.Awaitility.await().until(() -> official.dispatchBehindBytes() == 0);
        } finally {
            official.shutdown();
        }
        return out;
    }

    private List<Written> officialBatch(org.apache.rocketmq.store.DefaultMessageStore official, List<Input> items) {
        Input first = items.get(0);
        List<Message> msgs = new ArrayList<>();
        for (Input in : items) {
            Message m = new Message(first.topic(), in.body());
            Map<String, String> p = new LinkedHashMap<>(in.props());
            p.remove("CLUSTER");
            MessageAccessor.setProperties(m, new HashMap<>(p));
            msgs.add(m);
        }
        MessageExtBatch batch = new MessageExtBatch();
        batch.setTopic(first.topic());
        batch.setQueueId(first.queueId());
        batch.setBody(MessageDecoder.encodeMessages(msgs));
        batch.setBornTimestamp(System.currentTimeMillis());
        batch.setBornHost(TestMessages.BORN);
        batch.setStoreHost(TestMessages.STORE);
        MessageAccessor.setProperties(batch, new HashMap<>(Map.of("CLUSTER", "DefaultCluster")));
        org.apache.rocketmq.store.PutMessageResult r = official.putMessages(batch);
        assertTrue(r.isOk(), "official batch " + r);
        List<Written> out = new ArrayList<>();
        long phy = r.getAppendMessageResult().getWroteOffset();
        for (int k = 0; k < msgs.size(); k++) {
            Map<String, String> stored = PropertiesCodec.decode(
                MessageDecoder.messageProperties2String(msgs.get(k).getProperties()) + "\u0002CLUSTER\u0001DefaultCluster");
            out.add(new Written(first.topic(), first.queueId(), items.get(k).body(), stored,
                r.getAppendMessageResult().getLogicsOffset() + k, phy));
            phy = -1;
        }
        return out;
    }

    private List<Written> writeWithPetrel(List<Input> inputs) throws Exception {
        DefaultMessageStore store = new DefaultMessageStore(petrelConfig(), Clock.systemUTC());
        List<Written> out = new ArrayList<>();
        try {
            store.load();
            store.start();
            for (int i = 0; i < inputs.size(); i++) {
                if (i == BATCH_AT) {
                    out.addAll(petrelBatch(store, inputs.subList(i, i + BATCH_SIZE)));
                    i += BATCH_SIZE - 1;
                    continue;
                }
                Input in = inputs.get(i);
                MessageExt m = TestMessages.message(in.topic(), in.queueId(), in.body());
                m.setProperties(in.props());
                PutMessageResult r = store.putMessage(m);
                assertTrue(r.isOk(), "petrel put " + r);
                out.add(new Written(in.topic(), in.queueId(), in.body(), in.props(), r.logicsOffset(), r.wroteOffset()));
            }
            org.awaitility.Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        } finally {
            store.shutdown();
        }
        return out;
    }

    private List<Written> petrelBatch(DefaultMessageStore store, List<Input> items) {
        Input first = items.get(0);
        List<MessageBatchCodec.Item> batchItems = new ArrayList<>();
        for (Input in : items) {
            Map<String, String> p = new LinkedHashMap<>(in.props());
            p.remove("CLUSTER");
            batchItems.add(new MessageBatchCodec.Item(0, in.body(), PropertiesCodec.encode(p)));
        }
        PutMessageResult r = store.putMessages(new BatchPutRequest(first.topic(), first.queueId(), 0,
            System.currentTimeMillis(), TestMessages.BORN, TestMessages.STORE, 0, "CLUSTER\u0001DefaultCluster", batchItems));
        assertTrue(r.isOk(), "petrel batch " + r);
        List<Written> out = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            Map<String, String> stored = PropertiesCodec.decode(batchItems.get(k).properties() + "\u0002CLUSTER\u0001DefaultCluster");
            out.add(new Written(first.topic(), first.queueId(), items.get(k).body(), stored, r.logicsOffset() + k,
                k == 0 ? r.wroteOffset() : -1));
        }
        return out;
    }

    private static List<Written> expectedFor(List<Written> all, String topic, int q) {
        return all.stream().filter(w -> w.topic().equals(topic) && w.queueId() == q).toList();
    }

    private static List<MessageExt> readAllPetrel(DefaultMessageStore store, String topic, int q) {
        List<MessageExt> out = new ArrayList<>();
        long offset = 0;
        while (true) {
            GetMessageResult r = store.getMessage("G", topic, q, offset, 32, null);
            try {
                if (r.status() != GetMessageStatus.FOUND) {
                    assertEquals(GetMessageStatus.OFFSET_OVERFLOW_ONE, r.status());
                    return out;
                }
                for (ByteBuffer b : r.messageBuffers()) {
                    out.add(StoredMessageCodec.decode(b, true, true));
                }
                offset = r.nextBeginOffset();
            } finally {
                r.release();
            }
        }
    }

    private static List<MessageExt> readAllOfficial(org.apache.rocketmq.store.DefaultMessageStore store, String topic, int q) {
        List<MessageExt> out = new ArrayList<>();
        long offset = 0;
        while (true) {
            org.apache.rocketmq.store.GetMessageResult r = store.getMessage("G", topic, q, offset, 32, null);
            try {
                if (r.getStatus() != org.apache.rocketmq.store.GetMessageStatus.FOUND) {
                    assertEquals(org.apache.rocketmq.store.GetMessageStatus.OFFSET_OVERFLOW_ONE, r.getStatus());
                    return out;
                }
                for (ByteBuffer b : r.getMessageBufferList()) {
                    out.add(fromOfficial(MessageDecoder.decode(b, true, true)));
                }
                offset = r.getNextBeginOffset();
            } finally {
                r.release();
            }
        }
    }

    private static MessageExt fromOfficial(org.apache.rocketmq.common.message.MessageExt o) {
        MessageExt m = new MessageExt();
        m.setTopic(o.getTopic());
        m.setQueueId(o.getQueueId());
        m.setQueueOffset(o.getQueueOffset());
        m.setCommitLogOffset(o.getCommitLogOffset());
        m.setBody(o.getBody());
        m.setProperties(o.getProperties());
        return m;
    }

    private static List<MessageExt> queryOfficial(org.apache.rocketmq.store.DefaultMessageStore store, String topic, String key) {
        org.apache.rocketmq.store.QueryMessageResult r = store.queryMessage(topic, key, 32, 0, Long.MAX_VALUE);
        try {
            List<MessageExt> out = new ArrayList<>();
            for (ByteBuffer b : r.getMessageBufferList()) {
                out.add(fromOfficial(MessageDecoder.decode(b, true, true)));
            }
            return out;
        } finally {
            r.release();
        }
    }

    private static void assertQueue(List<Written> expected, List<MessageExt> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Written w = expected.get(i);
            MessageExt m = actual.get(i);
            assertEquals(w.queueOffset(), m.getQueueOffset());
            assertEquals(i, m.getQueueOffset());
            assertEquals(w.topic(), m.getTopic());
            if (w.phyOffset() >= 0) {
                assertEquals(w.phyOffset(), m.getCommitLogOffset());
            }
            assertTrue(java.util.Arrays.equals(w.body(), m.getBody()), "body of " + w.props());
            assertEquals(w.props(), m.getProperties());
        }
    }

    private static void assertFoundByKey(Written w, List<MessageExt> found) {
        assertTrue(found.stream().anyMatch(m -> m.getProperties().get("idx").equals(w.props().get("idx"))
            && java.util.Arrays.equals(m.getBody(), w.body())), "key lookup of " + w.props());
    }
}
