package io.petrel.store.bench;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.store.DefaultMessageStore;
import io.petrel.store.GetMessageResult;
import io.petrel.store.MessageStoreConfig;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH microbenchmarks of the store's hot paths: stored-record encode and decode, CommitLog
 * append (ASYNC_FLUSH) and a 32-message ConsumeQueue read. Seeded bodies, {@code @Param} sizes.
 * Run through {@code StoreBenchmark jmh} (bench profile).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreJmh {
    @Param({"128", "1024"})
    public int bodySize;

    private MessageExt message;
    private ByteBuffer encoded;
    private ByteBuffer scratch;
    private Path dir;
    private DefaultMessageStore store;
    private long readOffset;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        byte[] body = new byte[bodySize];
        new Random(42).nextBytes(body);
        message = new MessageExt();
        message.setTopic("JMH_TOPIC");
        message.setBody(body);
        message.setBornHost(new InetSocketAddress("10.0.0.2", 50000));
        message.setStoreHost(new InetSocketAddress("10.0.0.1", 10911));
        message.setBornTimestamp(1700000000000L);
        message.putProperty("UNIQ_KEY", "C0A8010A12341B6D35863B9ACA000007");
        message.putProperty("TAGS", "TagA");
        message.putProperty("KEYS", "key1 key2");
        message.setBodyCRC(StoredMessageCodec.bodyCrc(body, 0, body.length));
        encoded = ByteBuffer.wrap(StoredMessageCodec.encode(message));
        scratch = ByteBuffer.allocate(encoded.capacity());
        dir = Files.createTempDirectory("petrel-jmh");
        store = new DefaultMessageStore(MessageStoreConfig.builder().storePathRootDir(dir)
            .mappedFileSizeCommitLog(256 * 1024 * 1024).build(), Clock.systemUTC());
        store.load();
        store.start();
        for (int i = 0; i < 1000; i++) {
            store.putMessage(copy());
        }
        while (store.dispatchBehindBytes() > 0) {
            Thread.onSpinWait();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        store.shutdown();
        StoreBenchmark.deleteTree(dir);
    }

    private MessageExt copy() {
        MessageExt m = new MessageExt();
        m.setTopic(message.getTopic());
        m.setQueueId(0);
        m.setBody(message.getBody());
        m.setBornHost(message.getBornHost());
        m.setStoreHost(message.getStoreHost());
        m.setBornTimestamp(message.getBornTimestamp());
        m.setProperties(message.getProperties());
        return m;
    }

    @Benchmark
    public int encodeRecord() {
        scratch.clear();
        return StoredMessageCodec.encode(scratch, message, "JMH_TOPIC".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            io.petrel.common.message.PropertiesCodec.encodeToBytes(message.getProperties()));
    }

    @Benchmark
    public MessageExt decodeRecord() {
        return StoredMessageCodec.decode(encoded.duplicate(), true, true);
    }

    @Benchmark
    public long appendAsync() {
        return store.putMessage(copy()).wroteOffset();
    }

    @Benchmark
    public int read32() {
        GetMessageResult r = store.getMessage("G", "JMH_TOPIC", 0, readOffset, 32, null);
        try {
            readOffset = (readOffset + 32) % 900;
            return r.messageCount();
        } finally {
            r.release();
        }
    }
}
