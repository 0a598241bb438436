package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * REGISTER_BROKER (103) request: who the broker is and how its body is encoded. {@code bodyCrc32} 0 or absent means unchecked.
 * Required: {@code brokerName}, {@code brokerAddr}, {@code clusterName}, {@code haServerAddr}, {@code brokerId}; a missing one is refused naming it.
 */
public record RegisterBrokerRequestHeader(String brokerName, String brokerAddr, String clusterName, String haServerAddr, Long brokerId, boolean compressed, Integer bodyCrc32) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("brokerName", brokerName);
        out.put("brokerAddr", brokerAddr);
        out.put("clusterName", clusterName);
        out.put("haServerAddr", haServerAddr);
        out.put("brokerId", brokerId);
        out.put("compressed", Boolean.toString(compressed));
        out.put("bodyCrc32", bodyCrc32);
    }

    public static RegisterBrokerRequestHeader decode(ExtFields fields) throws RemotingCommandException {
        return new RegisterBrokerRequestHeader(
            fields.requiredString("brokerName"),
            fields.requiredString("brokerAddr"),
            fields.requiredString("clusterName"),
            fields.requiredString("haServerAddr"),
            fields.requiredLong("brokerId"),
            fields.booleanOr("compressed", false),
            fields.optionalInt("bodyCrc32"));
    }
}
