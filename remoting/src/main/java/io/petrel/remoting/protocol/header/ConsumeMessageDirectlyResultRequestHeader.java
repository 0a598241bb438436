package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * CONSUME_MESSAGE_DIRECTLY (309) request, sent to the broker that stores the message and forwarded to the client.
 * Keys: consumerGroup, clientId?, msgId?, brokerName? (? = optional; msgId is an offset message id).
 */
public record ConsumeMessageDirectlyResultRequestHeader(String consumerGroup, String clientId, String msgId,
                                                        String brokerName) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("consumerGroup", consumerGroup);
        out.put("clientId", clientId);
        out.put("msgId", msgId);
        out.put("brokerName", brokerName);
    }

    public static ConsumeMessageDirectlyResultRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new ConsumeMessageDirectlyResultRequestHeader(f.requiredString("consumerGroup"), f.string("clientId"),
            f.string("msgId"), f.string("brokerName"));
    }
}
