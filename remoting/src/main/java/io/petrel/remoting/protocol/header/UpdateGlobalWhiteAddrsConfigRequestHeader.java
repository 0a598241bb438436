package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * UPDATE_GLOBAL_WHITE_ADDRS_CONFIG (53) request. Keys: globalWhiteAddrs (comma-joined patterns), aclFileFullPath?
 * (? = optional; absent means the broker's default ACL file; 4.9.7 declares it not-null but its own client leaves
 * it out when no file is named).
 */
public record UpdateGlobalWhiteAddrsConfigRequestHeader(String globalWhiteAddrs, String aclFileFullPath)
    implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("globalWhiteAddrs", globalWhiteAddrs);
        out.put("aclFileFullPath", aclFileFullPath);
    }

    public static UpdateGlobalWhiteAddrsConfigRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new UpdateGlobalWhiteAddrsConfigRequestHeader(f.requiredString("globalWhiteAddrs"),
            f.string("aclFileFullPath"));
    }
}
