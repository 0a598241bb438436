package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** SEND_MESSAGE* response: offset message id(s), queue and queue offset used. Keys: msgId, queueId, queueOffset, transactionId? (? = optional). */
public record SendMessageResponseHeader(String msgId, int queueId, long queueOffset, String transactionId) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("msgId", msgId);
        out.put("queueId", Integer.toString(queueId));
        out.put("queueOffset", Long.toString(queueOffset));
        out.put("transactionId", transactionId);
    }

    @Override
    public boolean fieldsFirstOnWire() {
        return true;
    }

    public static SendMessageResponseHeader decode(ExtFields f) throws RemotingCommandException {
        return new SendMessageResponseHeader(
            f.requiredString("msgId"),
            f.requiredInt("queueId"),
            f.requiredLong("queueOffset"),
            f.string("transactionId"));
    }
}
