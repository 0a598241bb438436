package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * ADD_WRITE_PERM_OF_BROKER response: how many topics got read + write back.
 * Every field is optional.
 */
public record AddWritePermOfBrokerResponseHeader(Integer addTopicCount) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("addTopicCount", addTopicCount);
    }

    public static AddWritePermOfBrokerResponseHeader decode(ExtFields fields) throws RemotingCommandException {
        return new AddWritePermOfBrokerResponseHeader(
            fields.optionalInt("addTopicCount"));
    }
}
