package io.petrel.store;

import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.store.DefaultMessageStore;
import org.apache.rocketmq.store.MessageExtBrokerInner;
import org.apache.rocketmq.store.config.FlushDiskType;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.apache.rocketmq.store.stats.BrokerStatsManager;

/**
 * Child process for {@link CrossImplementationTest}: the official 4.9.7 store (SYNC_FLUSH) appends
 * the same numbered messages as {@link CrashWriterMain} until killed, printing {@code ACK <seq>}.
 * Needs the JDK opens of the official code.
 */
public final class OfficialCrashWriterMain {
    private OfficialCrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        MessageStoreConfig c = new MessageStoreConfig();
        c.setStorePathRootDir(args[0]);
        c.setStorePathCommitLog(args[0] + "/commitlog");
        c.setMappedFileSizeCommitLog(64 * 1024);
        c.setMappedFileSizeConsumeQueue(6000);
        c.setMaxHashSlotNum(1000);
        c.setMaxIndexNum(20_000);
        c.setFlushDiskType(FlushDiskType.SYNC_FLUSH);
        try (ServerSocket s = new ServerSocket(0)) {
            c.setHaListenPort(s.getLocalPort());
        }
        DefaultMessageStore store = new DefaultMessageStore(c, new BrokerStatsManager("DefaultCluster", true), null,
            new BrokerConfig());
        if (!store.load()) {
            throw new IllegalStateException("load failed");
        }
        store.start();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        for (long seq = 0; ; seq++) {
            MessageExtBrokerInner m = new MessageExtBrokerInner();
            m.setTopic(CrashWriterMain.TOPIC);
            m.setQueueId((int) (seq % CrashWriterMain.QUEUES));
            m.setBody(CrashWriterMain.body(seq));
            m.setBornTimestamp(System.currentTimeMillis());
            m.setBornHost(TestMessages.BORN);
            m.setStoreHost(TestMessages.STORE);
            Map<String, String> props = new HashMap<>();
            props.put("KEYS", "ck" + seq);
            props.put("seq", String.valueOf(seq));
            MessageAccessor.setProperties(m, props);
            m.setPropertiesString("KEYS\u0001ck" + seq + "\u0002seq\u0001" + seq);
            if (!store.putMessage(m).isOk()) {
                out.println("FAILED " + seq);
                out.flush();
                return;
            }
            out.println("ACK " + seq);
            out.flush();
        }
    }
}
