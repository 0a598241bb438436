package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * INVOKE_BROKER_TO_GET_CONSUMER_STATUS (223) request, also GET_CONSUMER_STATUS_FROM_CLIENT (221) to clients.
 * Keys: topic, group, clientAddr? (? = optional; absent means every client of the group).
 */
public record GetConsumerStatusRequestHeader(String topic, String group, String clientAddr) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("topic", topic);
        out.put("group", group);
        out.put("clientAddr", clientAddr);
    }

    public static GetConsumerStatusRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new GetConsumerStatusRequestHeader(f.requiredString("topic"), f.requiredString("group"),
            f.string("clientAddr"));
    }
}
