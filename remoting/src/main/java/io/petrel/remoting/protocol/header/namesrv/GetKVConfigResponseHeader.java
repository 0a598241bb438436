package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * GET_KV_CONFIG response.
 * Every field is optional.
 */
public record GetKVConfigResponseHeader(String value) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("value", value);
    }

    public static GetKVConfigResponseHeader decode(ExtFields fields) {
        return new GetKVConfigResponseHeader(
            fields.string("value"));
    }
}
