package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** END_TRANSACTION (37) request. Keys: producerGroup, tranStateTableOffset, commitLogOffset, commitOrRollback, fromTransactionCheck?, msgId, transactionId?, bname? (? = optional). */
public record EndTransactionRequestHeader(String producerGroup, long tranStateTableOffset, long commitLogOffset, int commitOrRollback, Boolean fromTransactionCheck, String msgId, String transactionId, String bname) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("producerGroup", producerGroup);
        out.put("tranStateTableOffset", Long.toString(tranStateTableOffset));
        out.put("commitLogOffset", Long.toString(commitLogOffset));
        out.put("commitOrRollback", Integer.toString(commitOrRollback));
        out.put("fromTransactionCheck", fromTransactionCheck);
        out.put("msgId", msgId);
        out.put("transactionId", transactionId);
        out.put("bname", bname);
    }

    public static EndTransactionRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new EndTransactionRequestHeader(
            f.requiredString("producerGroup"),
            f.requiredLong("tranStateTableOffset"),
            f.requiredLong("commitLogOffset"),
            f.requiredInt("commitOrRollback"),
            f.optionalBoolean("fromTransactionCheck"),
            f.requiredString("msgId"),
            f.string("transactionId"),
            f.string("bname"));
    }
}
