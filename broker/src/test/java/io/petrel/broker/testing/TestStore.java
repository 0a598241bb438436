package io.petrel.broker.testing;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.store.BrokerRole;
import io.petrel.store.DefaultMessageStore;
import io.petrel.store.DiskUsage;
import io.petrel.store.GetMessageResult;
import io.petrel.store.GetMessageStatus;
import io.petrel.store.MessageStoreConfig;
import io.petrel.store.PutMessageResult;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/** A real store with small files under a test's temp dir, plus helpers to put, wait for dispatch and read back. */
public final class TestStore implements AutoCloseable {
    public static final InetSocketAddress BORN = new InetSocketAddress("10.0.0.2", 50000);
    public static final InetSocketAddress BROKER = new InetSocketAddress("127.0.0.1", 10911);

    private final DefaultMessageStore store;

    private TestStore(DefaultMessageStore store) {
        this.store = store;
    }

    public static TestStore open(Path root, MutableClock clock) throws Exception {
        return open(root, clock, BrokerRole.ASYNC_MASTER);
    }

    public static TestStore open(Path root, MutableClock clock, BrokerRole role) throws Exception {
        return open(root, clock, role, java.util.function.UnaryOperator.identity());
    }

    /** As {@link #open(Path, MutableClock, BrokerRole)}, with settings of the test laid over the test store's. */
    public static TestStore open(Path root, MutableClock clock, BrokerRole role,
                                 java.util.function.UnaryOperator<MessageStoreConfig.Builder> settings)
        throws Exception {
        MessageStoreConfig config = settings.apply(MessageStoreConfig.builder().storePathRootDir(root)
            .mappedFileSizeCommitLog(256 * 1024).mappedFileSizeConsumeQueue(2000)
            .maxHashSlotNum(1000).maxIndexNum(4000).brokerRole(role)).build();
        DefaultMessageStore s = new DefaultMessageStore(config, clock, null, DiskUsage.FILE_SYSTEM);
        s.load();
        s.start();
        return new TestStore(s);
    }

    public DefaultMessageStore store() {
        return store;
    }

    public static MessageExt message(String topic, int queueId, String body) {
        MessageExt m = new MessageExt();
        m.setTopic(topic);
        m.setQueueId(queueId);
        m.setBody(body.getBytes(StandardCharsets.UTF_8));
        m.setBornTimestamp(1_700_000_000_000L);
        m.setBornHost(BORN);
        m.setStoreHost(BROKER);
        return m;
    }

    /** Puts and waits until the record is in its ConsumeQueue. */
    public PutMessageResult put(MessageExt m) {
        PutMessageResult r = store.putMessage(m);
        awaitDispatched();
        return r;
    }

    public void awaitDispatched() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
            .until(() -> store.dispatchBehindBytes() == 0);
    }

    /** Every record of a queue, decoded. */
    public List<MessageExt> read(String topic, int queueId) {
        List<MessageExt> out = new ArrayList<>();
        long offset = 0;
        while (true) {
            GetMessageResult r = store.getMessage("test", topic, queueId, offset, 32, null);
            try {
                if (r.status() != GetMessageStatus.FOUND) {
                    return out;
                }
                r.messageBuffers().forEach(b -> out.add(StoredMessageCodec.decode(b, true, false)));
                offset = r.nextBeginOffset();
            } finally {
                r.release();
            }
        }
    }

    /** A request as a client would send it: the header as ext fields. */
    public static RemotingCommand request(int code, CommandHeader header, int version) {
        RemotingCommand cmd = RemotingCommand.createRequest(code).version(version);
        header.writeTo((k, v) -> {
            if (v != null) {
                cmd.addExtField(k, v);
            }
        });
        return cmd;
    }

    @Override
    public void close() {
        store.shutdown();
    }
}
