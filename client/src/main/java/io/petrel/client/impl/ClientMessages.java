package io.petrel.client.impl;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageSysFlag;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.common.util.Compression;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Turns the stored records of a pull, query or view answer into messages as an application sees them. */
public final class ClientMessages {
    private ClientMessages() {
    }

    /** Decodes every record; compressed bodies are inflated and the compressed flag cleared. */
    public static List<MessageExt> decode(byte[] body) {
        List<MessageExt> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        ByteBuffer src = ByteBuffer.wrap(body);
        while (src.remaining() >= 8) {
            out.add(decodeOne(src));
        }
        return out;
    }

    static MessageExt decodeOne(ByteBuffer src) {
        MessageClientExt m = StoredMessageCodec.decodeInto(src, true, false, new MessageClientExt());
        if ((m.getSysFlag() & MessageSysFlag.COMPRESSED) != 0) {
            m.setBody(Compression.uncompress(m.getBody()));
            m.setSysFlag(m.getSysFlag() & ~MessageSysFlag.COMPRESSED);
        }
        return m;
    }
}
