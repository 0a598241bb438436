package io.petrel.client.producer;

import io.petrel.common.message.Message;
import io.petrel.common.message.MessageBatch;
import io.petrel.common.message.MessageClientIds;
import io.petrel.common.message.MessageProperties;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Cuts a list of messages into consecutive sub-lists whose batch body stays within a limit, so each can go to
 * {@code send(Collection)}. Sizes are exact: {@link MessageBatch#encodedItemSize(Message)}, plus room for the
 * {@code UNIQ_KEY} the producer adds to messages that have none yet. Sizes are taken when the splitter is built;
 * change no message while iterating. Use it as an iterator ({@code while (s.hasNext()) producer.send(s.next())}) or
 * in a for-each loop, which starts a fresh pass each time. Not thread-safe.
 *
 * <pre>{@code
 * for (List<Message> part : MessageBatchSplitter.of(messages)) {
 *     producer.send(part);
 * }
 * }</pre>
 */
public final class MessageBatchSplitter implements Iterator<List<Message>>, Iterable<List<Message>> {
    /** The default {@code maxMessageSize} of producers and brokers: 4 MiB. */
    public static final int DEFAULT_LIMIT_BYTES = 4 * 1024 * 1024;

    private final List<? extends Message> messages;
    private final int[] sizes;
    private final int limitBytes;
    private final Cursor own = new Cursor();

    /**
     * @throws IllegalArgumentException when one message alone exceeds {@code limitBytes}
     */
    public MessageBatchSplitter(List<? extends Message> messages, int limitBytes) {
        this.messages = messages;
        this.limitBytes = limitBytes;
        this.sizes = new int[messages.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = sizeOnSend(messages.get(i));
            if (sizes[i] > limitBytes) {
                throw new IllegalArgumentException("message " + i + " alone takes " + sizes[i]
                    + " bytes in a batch, over the limit of " + limitBytes + "; send it on its own or shrink it");
            }
        }
    }

    public static MessageBatchSplitter of(List<? extends Message> messages) {
        return new MessageBatchSplitter(messages, DEFAULT_LIMIT_BYTES);
    }

    /** The bytes a message will take in the batch body once the producer has given it a unique id. */
    public static int sizeOnSend(Message m) {
        int size = MessageBatch.encodedItemSize(m);
        if (m.getProperty(MessageProperties.UNIQ_KEY) == null) {
            int separator = m.getProperties().isEmpty() ? 0 : 1;
            size += separator + MessageProperties.UNIQ_KEY.length() + 1 + MessageClientIds.uniqIdLength();
        }
        return size;
    }

    @Override
    public boolean hasNext() {
        return own.hasNext();
    }

    @Override
    public List<Message> next() {
        return own.next();
    }

    /** A fresh pass over the sub-lists, independent of {@link #next()}. */
    @Override
    public Iterator<List<Message>> iterator() {
        return new Cursor();
    }

    /** Position of one pass. */
    private final class Cursor implements Iterator<List<Message>> {
        private int next;

        @Override
        public boolean hasNext() {
            return next < sizes.length;
        }

        @Override
        public List<Message> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int start = next;
            long total = 0;
            while (next < sizes.length && total + sizes[next] <= limitBytes) {
                total += sizes[next++];
            }
            return List.copyOf(messages.subList(start, next));
        }
    }
}
