package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** GET_BROKER_CONSUME_STATS (317) request. Keys: isOrder (required). */
public record GetConsumeStatsInBrokerHeader(boolean isOrder) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("isOrder", Boolean.toString(isOrder));
    }

    public static GetConsumeStatsInBrokerHeader decode(ExtFields f) throws RemotingCommandException {
        return new GetConsumeStatsInBrokerHeader(f.requiredBoolean("isOrder"));
    }
}
