package io.petrel.remoting;

import io.netty.channel.Channel;
import io.petrel.remoting.protocol.RemotingCommand;

/** Sends a response to a request later, from any thread (used by processors that hold requests). */
public final class RemotingResponder {
    private RemotingResponder() {
    }

    /** Fills opaque, flag and serialize type from the request and writes the response, unless it was oneway. */
    public static void respond(Channel channel, RemotingCommand request, RemotingCommand response) {
        if (response == null) {
            return;
        }
        if (request.isOneway()) {
            response.releaseBody();
            return;
        }
        response.opaque(request.opaque()).markResponse().serializeType(request.serializeType());
        channel.writeAndFlush(response);
    }
}
