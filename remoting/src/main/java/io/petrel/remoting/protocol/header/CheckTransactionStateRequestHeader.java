package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** CHECK_TRANSACTION_STATE (39) broker-to-producer request. Keys: tranStateTableOffset, commitLogOffset, msgId?, transactionId?, offsetMsgId?, bname? (? = optional). */
public record CheckTransactionStateRequestHeader(long tranStateTableOffset, long commitLogOffset, String msgId, String transactionId, String offsetMsgId, String bname) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("tranStateTableOffset", Long.toString(tranStateTableOffset));
        out.put("commitLogOffset", Long.toString(commitLogOffset));
        out.put("msgId", msgId);
        out.put("transactionId", transactionId);
        out.put("offsetMsgId", offsetMsgId);
        out.put("bname", bname);
    }

    public static CheckTransactionStateRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new CheckTransactionStateRequestHeader(
            f.requiredLong("tranStateTableOffset"),
            f.requiredLong("commitLogOffset"),
            f.string("msgId"),
            f.string("transactionId"),
            f.string("offsetMsgId"),
            f.string("bname"));
    }
}
