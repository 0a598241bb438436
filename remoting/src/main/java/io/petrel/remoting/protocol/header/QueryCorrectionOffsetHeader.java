package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * QUERY_CORRECTION_OFFSET (308) request. Keys: filterGroups? (comma-separated groups to leave out; ? = optional),
 * compareGroup? (required in 4.9.7's header class, but its broker does not enforce it and answers without one),
 * topic.
 */
public record QueryCorrectionOffsetHeader(String filterGroups, String compareGroup, String topic)
    implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("filterGroups", filterGroups);
        out.put("compareGroup", compareGroup);
        out.put("topic", topic);
    }

    public static QueryCorrectionOffsetHeader decode(ExtFields f) throws RemotingCommandException {
        return new QueryCorrectionOffsetHeader(f.string("filterGroups"), f.string("compareGroup"),
            f.requiredString("topic"));
    }
}
