package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** UNREGISTER_CLIENT (35) request. Keys: clientID, producerGroup?, consumerGroup? (? = optional). */
public record UnregisterClientRequestHeader(String clientID, String producerGroup, String consumerGroup) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("clientID", clientID);
        out.put("producerGroup", producerGroup);
        out.put("consumerGroup", consumerGroup);
    }

    public static UnregisterClientRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new UnregisterClientRequestHeader(
            f.requiredString("clientID"),
            f.string("producerGroup"),
            f.string("consumerGroup"));
    }
}
