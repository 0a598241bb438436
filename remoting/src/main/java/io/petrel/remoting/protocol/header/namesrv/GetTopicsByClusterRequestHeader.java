package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * GET_TOPICS_BY_CLUSTER (224) request.
 * Required: {@code cluster}; a missing one is refused naming it.
 */
public record GetTopicsByClusterRequestHeader(String cluster) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("cluster", cluster);
    }

    public static GetTopicsByClusterRequestHeader decode(ExtFields fields) throws RemotingCommandException {
        return new GetTopicsByClusterRequestHeader(
            fields.requiredString("cluster"));
    }
}
