package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * ADD_WRITE_PERM_OF_BROKER (327) request.
 * Required: {@code brokerName}; a missing one is refused naming it.
 */
public record AddWritePermOfBrokerRequestHeader(String brokerName) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("brokerName", brokerName);
    }

    public static AddWritePermOfBrokerRequestHeader decode(ExtFields fields) throws RemotingCommandException {
        return new AddWritePermOfBrokerRequestHeader(
            fields.requiredString("brokerName"));
    }
}
