package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * GET_BROKER_CLUSTER_ACL_INFO (52) response: the broker's ACL versions. Keys: version (the default file's data
 * version as JSON), allAclFileVersion? (a JSON object of file path to data version; ? = optional), brokerName,
 * brokerAddr, clusterName.
 */
public record GetBrokerAclConfigResponseHeader(String version, String allAclFileVersion, String brokerName,
                                               String brokerAddr, String clusterName) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("version", version);
        out.put("allAclFileVersion", allAclFileVersion);
        out.put("brokerName", brokerName);
        out.put("brokerAddr", brokerAddr);
        out.put("clusterName", clusterName);
    }

    public static GetBrokerAclConfigResponseHeader decode(ExtFields f) throws RemotingCommandException {
        return new GetBrokerAclConfigResponseHeader(f.requiredString("version"), f.string("allAclFileVersion"),
            f.requiredString("brokerName"), f.requiredString("brokerAddr"), f.requiredString("clusterName"));
    }
}
