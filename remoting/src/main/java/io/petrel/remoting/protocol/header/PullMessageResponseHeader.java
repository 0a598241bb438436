package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** PULL_MESSAGE response (codes 0, 19, 20, 21): where to pull next and the queue's bounds. Keys: suggestWhichBrokerId, nextBeginOffset, minOffset, maxOffset (all required). */
public record PullMessageResponseHeader(long suggestWhichBrokerId, long nextBeginOffset, long minOffset, long maxOffset) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("suggestWhichBrokerId", Long.toString(suggestWhichBrokerId));
        out.put("nextBeginOffset", Long.toString(nextBeginOffset));
        out.put("minOffset", Long.toString(minOffset));
        out.put("maxOffset", Long.toString(maxOffset));
    }

    @Override
    public boolean fieldsFirstOnWire() {
        return true;
    }

    public static PullMessageResponseHeader decode(ExtFields f) throws RemotingCommandException {
        return new PullMessageResponseHeader(
            f.requiredLong("suggestWhichBrokerId"),
            f.requiredLong("nextBeginOffset"),
            f.requiredLong("minOffset"),
            f.requiredLong("maxOffset"));
    }
}
