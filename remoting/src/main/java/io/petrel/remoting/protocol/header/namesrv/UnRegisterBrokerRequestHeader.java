package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * UNREGISTER_BROKER (104) request.
 * Required: {@code brokerName}, {@code brokerAddr}, {@code clusterName}, {@code brokerId}; a missing one is refused naming it.
 */
public record UnRegisterBrokerRequestHeader(String brokerName, String brokerAddr, String clusterName, Long brokerId) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("brokerName", brokerName);
        out.put("brokerAddr", brokerAddr);
        out.put("clusterName", clusterName);
        out.put("brokerId", brokerId);
    }

    public static UnRegisterBrokerRequestHeader decode(ExtFields fields) throws RemotingCommandException {
        return new UnRegisterBrokerRequestHeader(
            fields.requiredString("brokerName"),
            fields.requiredString("brokerAddr"),
            fields.requiredString("clusterName"),
            fields.requiredLong("brokerId"));
    }
}
