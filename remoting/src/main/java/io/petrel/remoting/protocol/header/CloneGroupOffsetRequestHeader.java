package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * CLONE_GROUP_OFFSET (314) request. Keys: srcGroup, destGroup, topic? (? = optional; absent means every topic of
 * the source group), offline (always sent, as 4.9.7 sends its primitive flag).
 */
public record CloneGroupOffsetRequestHeader(String srcGroup, String destGroup, String topic, boolean offline)
    implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("srcGroup", srcGroup);
        out.put("destGroup", destGroup);
        out.put("topic", topic);
        out.put("offline", Boolean.toString(offline));
    }

    public static CloneGroupOffsetRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new CloneGroupOffsetRequestHeader(f.requiredString("srcGroup"), f.requiredString("destGroup"),
            f.string("topic"), f.booleanOr("offline", false));
    }
}
