package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * REGISTER_BROKER response: for a slave whose master is live, the master's HA and remoting addresses; empty otherwise.
 * Every field is optional.
 */
public record RegisterBrokerResponseHeader(String haServerAddr, String masterAddr) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("haServerAddr", haServerAddr);
        out.put("masterAddr", masterAddr);
    }

    public static RegisterBrokerResponseHeader decode(ExtFields fields) {
        return new RegisterBrokerResponseHeader(
            fields.string("haServerAddr"),
            fields.string("masterAddr"));
    }
}
