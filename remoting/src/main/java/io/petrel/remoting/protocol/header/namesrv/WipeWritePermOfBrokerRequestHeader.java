package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * WIPE_WRITE_PERM_OF_BROKER (205) request.
 * Required: {@code brokerName}; a missing one is refused naming it.
 */
public record WipeWritePermOfBrokerRequestHeader(String brokerName) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("brokerName", brokerName);
    }

    public static WipeWritePermOfBrokerRequestHeader decode(ExtFields fields) throws RemotingCommandException {
        return new WipeWritePermOfBrokerRequestHeader(
            fields.requiredString("brokerName"));
    }
}
