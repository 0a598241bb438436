package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * The SEND_MESSAGE_V2 (310) / SEND_BATCH_MESSAGE (320) header: the fields of {@link SendMessageRequestHeader}
 * under one-letter keys, in this order:
 *
 * <pre>
 * a producerGroup   b topic        c defaultTopic    d defaultTopicQueueNums   e queueId
 * f sysFlag         g bornTimestamp h flag           i properties              j reconsumeTimes
 * k unitMode        l maxReconsumeTimes  m batch     n bname
 * </pre>
 */
public record SendMessageRequestHeaderV2(SendMessageRequestHeader header) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        SendMessageRequestHeader h = header;
        out.put("a", h.producerGroup());
        out.put("b", h.topic());
        out.put("c", h.defaultTopic());
        out.put("d", Integer.toString(h.defaultTopicQueueNums()));
        out.put("e", Integer.toString(h.queueId()));
        out.put("f", Integer.toString(h.sysFlag()));
        out.put("g", Long.toString(h.bornTimestamp()));
        out.put("h", Integer.toString(h.flag()));
        out.put("i", h.properties());
        out.put("j", h.reconsumeTimes());
        out.put("k", h.unitMode());
        out.put("l", h.maxReconsumeTimes());
        out.put("m", h.batch());
        out.put("n", h.bname());
    }

    @Override
    public boolean fieldsFirstOnWire() {
        return true;
    }

    /** Reads the one-letter keys into the long-named header. */
    public static SendMessageRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new SendMessageRequestHeader(
            f.requiredString("a"),
            f.requiredString("b"),
            f.requiredString("c"),
            f.requiredInt("d"),
            f.requiredInt("e"),
            f.requiredInt("f"),
            f.requiredLong("g"),
            f.requiredInt("h"),
            f.string("i"),
            f.optionalInt("j"),
            f.optionalBoolean("k"),
            f.optionalBoolean("m"),
            f.optionalInt("l"),
            f.string("n"));
    }
}
