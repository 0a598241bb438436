package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * WIPE_WRITE_PERM_OF_BROKER response: how many topics lost write permission.
 * Every field is optional.
 */
public record WipeWritePermOfBrokerResponseHeader(Integer wipeTopicCount) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("wipeTopicCount", wipeTopicCount);
    }

    public static WipeWritePermOfBrokerResponseHeader decode(ExtFields fields) throws RemotingCommandException {
        return new WipeWritePermOfBrokerResponseHeader(
            fields.optionalInt("wipeTopicCount"));
    }
}
