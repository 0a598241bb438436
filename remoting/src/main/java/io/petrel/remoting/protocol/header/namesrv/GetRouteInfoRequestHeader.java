package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * GET_ROUTEINFO_BY_TOPIC (105) request; {@code acceptStandardJsonOnly} asks for quoted map keys whatever the version.
 * Required: {@code topic}; a missing one is refused naming it.
 */
public record GetRouteInfoRequestHeader(String topic, Boolean acceptStandardJsonOnly) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("topic", topic);
        out.put("acceptStandardJsonOnly", acceptStandardJsonOnly);
    }

    public static GetRouteInfoRequestHeader decode(ExtFields fields) throws RemotingCommandException {
        return new GetRouteInfoRequestHeader(
            fields.requiredString("topic"),
            fields.optionalBoolean("acceptStandardJsonOnly"));
    }
}
