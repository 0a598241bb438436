package io.petrel.common.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a SEND_BATCH_MESSAGE request, one item per message:
 * <pre>
 * | TOTALSIZE int | MAGIC int (0) | BODYCRC int (0) | FLAG int | BODYLEN int | BODY | PROPLEN short | PROPERTIES |
 * </pre>
 * Item properties are kept as the raw string: the broker appends the batch-level properties to
 * it verbatim when it stores the item. Stateless; thread-safe.
 */
public final class MessageBatchCodec {
    private MessageBatchCodec() {
    }

    /** One batch item. */
    public record Item(int flag, byte[] body, String properties) {
    }

    public static List<Item> decode(ByteBuffer src) {
        List<Item> items = new ArrayList<>();
        while (src.hasRemaining()) {
            int start = src.position();
            int total = src.getInt();
            src.getInt();
            src.getInt();
            int flag = src.getInt();
            byte[] body = new byte[DeclaredLengths.check(src.getInt(), src, "body", "batch item", start)];
            src.get(body);
            byte[] props = new byte[DeclaredLengths.check(src.getShort(), src, "properties", "batch item", start)];
            src.get(props);
            if (src.position() - start != total) {
                throw new IllegalArgumentException("batch item at " + start + " declares " + total + " bytes");
            }
            items.add(new Item(flag, body, new String(props, StandardCharsets.UTF_8)));
        }
        return items;
    }

    public static byte[] encode(List<Item> items) {
        List<byte[]> props = new ArrayList<>();
        int size = 0;
        for (Item item : items) {
            byte[] p = item.properties().getBytes(StandardCharsets.UTF_8);
            props.add(p);
            size += 22 + item.body().length + p.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            byte[] p = props.get(i);
            buf.putInt(22 + item.body().length + p.length).putInt(0).putInt(0).putInt(item.flag());
            buf.putInt(item.body().length).put(item.body()).putShort((short) p.length).put(p);
        }
        return buf.array();
    }
}
