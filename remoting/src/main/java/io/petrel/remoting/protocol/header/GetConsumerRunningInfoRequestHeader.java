package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** GET_CONSUMER_RUNNING_INFO (307) request, forwarded by the broker to the client. Keys: consumerGroup, clientId, jstackEnable? (? = optional). */
public record GetConsumerRunningInfoRequestHeader(String consumerGroup, String clientId, Boolean jstackEnable) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("consumerGroup", consumerGroup);
        out.put("clientId", clientId);
        out.put("jstackEnable", jstackEnable);
    }

    public static GetConsumerRunningInfoRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new GetConsumerRunningInfoRequestHeader(
            f.requiredString("consumerGroup"),
            f.requiredString("clientId"),
            f.optionalBoolean("jstackEnable"));
    }
}
