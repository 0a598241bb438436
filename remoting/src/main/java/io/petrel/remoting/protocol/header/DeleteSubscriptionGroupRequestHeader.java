package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** DELETE_SUBSCRIPTIONGROUP (207) request. Keys: groupName, removeOffset? (? = optional). */
public record DeleteSubscriptionGroupRequestHeader(String groupName, Boolean removeOffset) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("groupName", groupName);
        out.put("removeOffset", removeOffset);
    }

    public static DeleteSubscriptionGroupRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new DeleteSubscriptionGroupRequestHeader(
            f.requiredString("groupName"),
            f.optionalBoolean("removeOffset"));
    }
}
