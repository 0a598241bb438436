package io.petrel.store.bench;

import io.petrel.common.message.MessageExt;
import io.petrel.store.DefaultMessageStore;
import io.petrel.store.FlushDiskType;
import io.petrel.store.GetMessageResult;
import io.petrel.store.GetMessageStatus;
import io.petrel.store.MessageStoreConfig;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;

/** Petrel's store behind {@link BenchStore}. */
final class PetrelBenchStore implements BenchStore {
    private static final InetSocketAddress BORN = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress STORE = new InetSocketAddress("127.0.0.1", 10911);
    private final DefaultMessageStore store;

    private PetrelBenchStore(DefaultMessageStore store) {
        this.store = store;
    }

    static BenchStore open(Path dir, boolean syncFlush, int fileSize) throws Exception {
        MessageStoreConfig config = MessageStoreConfig.builder().storePathRootDir(dir).mappedFileSizeCommitLog(fileSize)
            .flushDiskType(syncFlush ? FlushDiskType.SYNC_FLUSH : FlushDiskType.ASYNC_FLUSH).build();
        DefaultMessageStore store = new DefaultMessageStore(config, Clock.systemUTC());
        store.load();
        store.start();
        return new PetrelBenchStore(store);
    }

    @Override
    public boolean put(int queueId, byte[] body, long seq) {
        MessageExt m = new MessageExt();
        m.setTopic("BENCH");
        m.setQueueId(queueId);
        m.setBody(body);
        m.setBornTimestamp(System.currentTimeMillis());
        m.setBornHost(BORN);
        m.setStoreHost(STORE);
        m.putProperty("UNIQ_KEY", "BENCH" + seq);
        m.putProperty("CLUSTER", "DefaultCluster");
        return store.putMessage(m).isOk();
    }

    @Override
    public int get(int queueId, long offset, long[] next) {
        GetMessageResult r = store.getMessage("G", "BENCH", queueId, offset, 32, null);
        try {
            next[0] = r.nextBeginOffset();
            if (r.status() != GetMessageStatus.FOUND) {
                return 0;
            }
            for (ByteBuffer b : r.messageBuffers()) {
                BenchStore.consume(b);
            }
            return r.messageCount();
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
