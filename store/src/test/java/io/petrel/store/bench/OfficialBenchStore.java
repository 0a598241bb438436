package io.petrel.store.bench;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.store.DefaultMessageStore;
import org.apache.rocketmq.store.GetMessageResult;
import org.apache.rocketmq.store.GetMessageStatus;
import org.apache.rocketmq.store.MessageExtBrokerInner;
import org.apache.rocketmq.store.config.FlushDiskType;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.apache.rocketmq.store.stats.BrokerStatsManager;

/** The official RocketMQ 4.9.7 DefaultMessageStore behind {@link BenchStore} (test scope only). */
final class OfficialBenchStore implements BenchStore {
    private static final InetSocketAddress BORN = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress STORE = new InetSocketAddress("127.0.0.1", 10911);
    private final DefaultMessageStore store;

    private OfficialBenchStore(DefaultMessageStore store) {
        this.store = store;
    }

    static BenchStore open(Path dir, boolean syncFlush, int fileSize) throws Exception {
        MessageStoreConfig c = new MessageStoreConfig();
        c.setStorePathRootDir(dir.toString());
        c.setStorePathCommitLog(dir.resolve("commitlog").toString());
        c.setMappedFileSizeCommitLog(fileSize);
        c.setFlushDiskType(syncFlush ? FlushDiskType.SYNC_FLUSH : FlushDiskType.ASYNC_FLUSH);
        try (ServerSocket s = new ServerSocket(0)) {
            c.setHaListenPort(s.getLocalPort());
        }
        DefaultMessageStore store = new DefaultMessageStore(c, new BrokerStatsManager("DefaultCluster", true), null,
            new BrokerConfig());
        if (!store.load()) {
            throw new IllegalStateException("official store failed to load " + dir);
        }
        store.start();
        return new OfficialBenchStore(store);
    }

    @Override
    public boolean put(int queueId, byte[] body, long seq) {
        MessageExtBrokerInner m = new MessageExtBrokerInner();
        m.setTopic("BENCH");
        m.setQueueId(queueId);
        m.setBody(body);
        m.setBornTimestamp(System.currentTimeMillis());
        m.setBornHost(BORN);
        m.setStoreHost(STORE);
        Map<String, String> props = new HashMap<>();
        props.put("UNIQ_KEY", "BENCH" + seq);
        props.put("CLUSTER", "DefaultCluster");
        MessageAccessor.setProperties(m, props);
        m.setPropertiesString("UNIQ_KEY\u0001BENCH" + seq + "\u0002CLUSTER\u0001DefaultCluster");
        return store.putMessage(m).isOk();
    }

    @Override
    public int get(int queueId, long offset, long[] next) {
        GetMessageResult r = store.getMessage("G", "BENCH", queueId, offset, 32, null);
        try {
            next[0] = r.getNextBeginOffset();
            if (r.getStatus() != GetMessageStatus.FOUND) {
                return 0;
            }
            for (ByteBuffer b : r.getMessageBufferList()) {
                BenchStore.consume(b);
            }
            return r.getMessageCount();
        } finally {
            r.release();
        }
    }

    @Override
    public long maxPhyOffset() {
        return store.getMaxPhyOffset();
    }

    @Override
    public long dispatchBehind() {
        return store.dispatchBehindBytes();
    }

    @Override
    public void close() {
        store.shutdown();
    }
}
