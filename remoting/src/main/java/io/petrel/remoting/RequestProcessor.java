package io.petrel.remoting;

import io.netty.channel.Channel;
import io.petrel.remoting.protocol.RemotingCommand;

/** Serves one family of request codes; runs on the executor it was registered with. */
public interface RequestProcessor {
    /**
     * @return the response (its opaque, flag and serialize type are filled in by the transport), or null when
     *     there is nothing to send now: the request was oneway, or the processor will answer later itself
     *     (long polling) through {@link RemotingResponder}.
     */
    RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception;

    /** When true the transport answers SYSTEM_BUSY without calling the processor (flow control). */
    default boolean rejectRequest() {
        return false;
    }
}
