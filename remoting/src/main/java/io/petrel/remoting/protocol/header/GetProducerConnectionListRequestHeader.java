package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** GET_PRODUCER_CONNECTION_LIST (204) request. Keys: producerGroup (all required). */
public record GetProducerConnectionListRequestHeader(String producerGroup) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("producerGroup", producerGroup);
    }

    public static GetProducerConnectionListRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new GetProducerConnectionListRequestHeader(f.requiredString("producerGroup"));
    }
}
