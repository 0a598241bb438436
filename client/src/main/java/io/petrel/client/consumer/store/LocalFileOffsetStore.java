package io.petrel.client.consumer.store;

import io.petrel.client.exception.MQClientException;
import io.petrel.common.body.ResetOffsetBody;
import io.petrel.common.message.MessageQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offsets of a broadcasting consumer, kept in {@code <rocketmq.client.localOffsetStoreDir>/<clientId>/<group>/
 * offsets.json} (default dir {@code ~/.rocketmq_offsets}) in RocketMQ's format; the previous file is kept as
 * {@code offsets.json.bak}.
 */
public class LocalFileOffsetStore implements OffsetStore {
    private static final Logger LOG = LoggerFactory.getLogger(LocalFileOffsetStore.class);
    public static final String LOCAL_OFFSET_STORE_DIR = System.getProperty("rocketmq.client.localOffsetStoreDir",
        System.getProperty("user.home") + "/.rocketmq_offsets");

    private final Path storePath;
    private final OffsetTable offsetTable = new OffsetTable();

    public LocalFileOffsetStore(String clientId, String groupName) {
        this(Paths.get(LOCAL_OFFSET_STORE_DIR, clientId, groupName, "offsets.json"));
    }

    public LocalFileOffsetStore(Path storePath) {
        this.storePath = storePath;
    }

    @Override
    public void load() throws MQClientException {
        Map<MessageQueue, Long> loaded = readStored();
        if (loaded != null) {
            loaded.forEach((mq, offset) -> offsetTable.update(mq, offset, false));
            LOG.info("loaded {} local offsets from {}", loaded.size(), storePath);
        }
    }

    /**
     * The offsets in the file, or in its backup when the file is missing, empty or unreadable (a crash may leave
     * it so); null when neither holds any.
     */
    private Map<MessageQueue, Long> readStored() throws MQClientException {
        try {
            Map<MessageQueue, Long> offsets = read(storePath);
            if (offsets != null) {
                return offsets;
            }
        } catch (MQClientException e) {
            LOG.warn("{} is unreadable, trying its backup: {}", storePath, e.getCause().toString());
        }
        return read(storePath.resolveSibling(storePath.getFileName() + ".bak"));
    }

    /** @return null when the file is missing or empty */
    private static Map<MessageQueue, Long> read(Path path) throws MQClientException {
        try {
            byte[] content = Files.exists(path) ? Files.readAllBytes(path) : new byte[0];
            return content.length == 0 ? null : ResetOffsetBody.decode(content).offsetTable();
        } catch (IOException | IllegalArgumentException e) {
            throw new MQClientException("load consumer offset file " + path + " failed", e);
        }
    }

    @Override
    public void updateOffset(MessageQueue mq, long offset, boolean increaseOnly) {
        if (mq != null) {
            offsetTable.update(mq, offset, increaseOnly);
        }
    }

    @Override
    public long readOffset(MessageQueue mq, ReadOffsetType type) {
        if (mq == null) {
            return -1;
        }
        if (type != ReadOffsetType.READ_FROM_STORE && (offsetTable.contains(mq)
            || type == ReadOffsetType.READ_FROM_MEMORY)) {
            return offsetTable.get(mq);
        }
        try {
            Map<MessageQueue, Long> stored = readStored();
            Long offset = stored == null ? null : stored.get(mq);
            if (offset == null) {
                return -1;
            }
            updateOffset(mq, offset, false);
            return offset;
        } catch (MQClientException e) {
            return -1;
        }
    }

    @Override
    public synchronized void persistAll(Set<MessageQueue> mqs) {
        if (mqs == null || mqs.isEmpty()) {
            return;
        }
        Map<MessageQueue, Long> snapshot = offsetTable.snapshot(null);
        snapshot.keySet().retainAll(mqs);
        write(snapshot);
    }

    private void write(Map<MessageQueue, Long> snapshot) {
        try {
            Files.createDirectories(storePath.getParent());
            Path tmp = storePath.resolveSibling(storePath.getFileName() + ".tmp");
            Files.write(tmp, new ResetOffsetBody(snapshot).encode());
            if (Files.exists(storePath)) {
                Files.copy(storePath, storePath.resolveSibling(storePath.getFileName() + ".bak"),
                    StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, storePath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("persisting local offsets to {} failed", storePath, e);
        }
    }

    @Override
    public void persist(MessageQueue mq) {
    }

    @Override
    public void removeOffset(MessageQueue mq) {
    }

    @Override
    public Map<MessageQueue, Long> cloneOffsetTable(String topic) {
        return offsetTable.snapshot(topic);
    }

    @Override
    public void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway) {
    }

    public Path storePath() {
        return storePath;
    }
}
