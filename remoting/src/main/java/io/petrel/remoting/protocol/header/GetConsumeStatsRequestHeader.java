package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** GET_CONSUME_STATS (208) request; no topic means every topic of the group. Keys: consumerGroup, topic? (? = optional). */
public record GetConsumeStatsRequestHeader(String consumerGroup, String topic) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("consumerGroup", consumerGroup);
        out.put("topic", topic);
    }

    public static GetConsumeStatsRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new GetConsumeStatsRequestHeader(f.requiredString("consumerGroup"), f.string("topic"));
    }
}
