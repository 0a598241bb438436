package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** GET_BROKER_CONFIG (26) response: the broker's data version as JSON. Keys: version (all required). */
public record GetBrokerConfigResponseHeader(String version) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("version", version);
    }

    public static GetBrokerConfigResponseHeader decode(ExtFields f) throws RemotingCommandException {
        return new GetBrokerConfigResponseHeader(f.requiredString("version"));
    }
}
