package io.petrel.store;

import io.petrel.common.message.MessageExt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/** Builders and vector loading shared by store tests. */
final class TestMessages {
    static final InetSocketAddress BORN = new InetSocketAddress("10.0.0.2", 50000);
    static final InetSocketAddress STORE = new InetSocketAddress("10.0.0.1", 10911);

    private TestMessages() {
    }

    static MessageExt message(String topic, int queueId, String body) {
        return message(topic, queueId, body.getBytes(StandardCharsets.UTF_8));
    }

    static MessageExt message(String topic, int queueId, byte[] body) {
        MessageExt m = new MessageExt();
        m.setTopic(topic);
        m.setQueueId(queueId);
        m.setBody(body);
        m.setBornTimestamp(1700000000000L);
        m.setBornHost(BORN);
        m.setStoreHost(STORE);
        return m;
    }

    static MessageStoreConfig.Builder smallConfig(Path root) {
        return MessageStoreConfig.builder()
            .storePathRootDir(root)
            .mappedFileSizeCommitLog(64 * 1024)
            .mappedFileSizeConsumeQueue(1280)
            .maxHashSlotNum(1000)
            .maxIndexNum(4000)
            .flushIntervalCommitLogMs(50)
            .deleteWhen("04")
            .cleanResourceIntervalMs(3_600_000);
    }

    static byte[] hex(String resource) {
        try (InputStream in = TestMessages.class.getResourceAsStream("/vectors/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing vector " + resource);
            }
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
