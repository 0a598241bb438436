package io.petrel.common.message;

import io.petrel.common.topic.TopicValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Several messages sent in one SEND_BATCH_MESSAGE request. The batch itself carries the shared topic and
 * {@code WAIT}; its body is {@link #encode()} of the messages (layout in {@link MessageBatchCodec}). Not thread-safe.
 */
public class MessageBatch extends Message implements Iterable<Message> {
    /** Item header: total size, magic, body CRC, flag, body length (ints) and properties length (short). */
    public static final int ITEM_OVERHEAD_BYTES = 4 + 4 + 4 + 4 + 4 + 2;

    private final List<Message> messages;

    private MessageBatch(List<Message> messages) {
        this.messages = messages;
    }

    /**
     * Checks the messages can travel together and wraps them: none delayed, none for a retry topic, one topic, one
     * {@code waitStoreMsgOK} value.
     *
     * @throws UnsupportedOperationException when a check fails (with RocketMQ 4.9.7's message)
     * @throws IllegalArgumentException when there are no messages
     */
    public static MessageBatch generateFromList(Collection<? extends Message> messages) {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one message");
        }
        List<Message> list = new ArrayList<>(messages.size());
        Message first = null;
        for (Message m : messages) {
            if (m.getDelayTimeLevel() > 0) {
                throw new UnsupportedOperationException("TimeDelayLevel is not supported for batching");
            }
            if (m.getTopic().startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)) {
                throw new UnsupportedOperationException("Retry Group is not supported for batching");
            }
            if (first == null) {
                first = m;
            } else {
                checkSameAsFirst(first, m);
            }
            list.add(m);
        }
        MessageBatch batch = new MessageBatch(Collections.unmodifiableList(list));
        batch.setTopic(first.getTopic());
        batch.setWaitStoreMsgOK(first.isWaitStoreMsgOK());
        return batch;
    }

    private static void checkSameAsFirst(Message first, Message m) {
        if (!first.getTopic().equals(m.getTopic())) {
            throw new UnsupportedOperationException("The topic of the messages in one batch should be the same");
        }
        if (first.isWaitStoreMsgOK() != m.isWaitStoreMsgOK()) {
            throw new UnsupportedOperationException("The waitStoreMsgOK of the messages in one batch should the same");
        }
    }

    /**
     * The SEND_BATCH_MESSAGE body: each message's flag, body and current properties.
     *
     * @throws IllegalArgumentException when a message's encoded properties exceed {@link Short#MAX_VALUE} bytes
     */
    public byte[] encode() {
        List<MessageBatchCodec.Item> items = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            String properties = PropertiesCodec.encode(m.getProperties());
            checkPropertiesLength(i, properties);
            items.add(new MessageBatchCodec.Item(m.getFlag(), m.getBody(), properties));
        }
        return MessageBatchCodec.encode(items);
    }

    /** Bytes one message takes in {@link #encode()} with its current properties. */
    public static int encodedItemSize(Message m) {
        int propertiesBytes = PropertiesCodec.encodeToBytes(m.getProperties()).length;
        return ITEM_OVERHEAD_BYTES + m.getBody().length + propertiesBytes;
    }

    private static void checkPropertiesLength(int index, String properties) {
        if (properties.length() <= Short.MAX_VALUE / 3) {
            return; // a UTF-16 unit takes at most 3 UTF-8 bytes
        }
        int length = properties.getBytes(StandardCharsets.UTF_8).length;
        if (length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("properties of batch message " + index + " take " + length
                + " bytes; at most " + Short.MAX_VALUE + " fit");
        }
    }

    /** The messages, in order; unmodifiable. */
    public List<Message> getMessages() {
        return messages;
    }

    @Override
    public Iterator<Message> iterator() {
        return messages.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && messages.equals(((MessageBatch) o).messages);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), messages);
    }
}
