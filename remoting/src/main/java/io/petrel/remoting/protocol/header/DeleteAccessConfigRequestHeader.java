package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** DELETE_ACL_CONFIG (51) request: the account to remove. Keys: accessKey (all required). */
public record DeleteAccessConfigRequestHeader(String accessKey) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("accessKey", accessKey);
    }

    public static DeleteAccessConfigRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new DeleteAccessConfigRequestHeader(f.requiredString("accessKey"));
    }
}
