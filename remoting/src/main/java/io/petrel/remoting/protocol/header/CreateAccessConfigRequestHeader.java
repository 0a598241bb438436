package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * UPDATE_AND_CREATE_ACL_CONFIG (50) request: one ACL account. Keys: accessKey, secretKey?, whiteRemoteAddress?,
 * admin (always sent, as 4.9.7 sends its primitive flag), defaultTopicPerm?, defaultGroupPerm?, topicPerms?,
 * groupPerms? (? = optional; the two lists travel comma-joined, e.g. {@code topicA=DENY,topicB=PUB|SUB}).
 */
public record CreateAccessConfigRequestHeader(String accessKey, String secretKey, String whiteRemoteAddress,
                                              boolean admin, String defaultTopicPerm, String defaultGroupPerm,
                                              String topicPerms, String groupPerms) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("accessKey", accessKey);
        out.put("secretKey", secretKey);
        out.put("whiteRemoteAddress", whiteRemoteAddress);
        out.put("admin", Boolean.toString(admin));
        out.put("defaultTopicPerm", defaultTopicPerm);
        out.put("defaultGroupPerm", defaultGroupPerm);
        out.put("topicPerms", topicPerms);
        out.put("groupPerms", groupPerms);
    }

    public static CreateAccessConfigRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new CreateAccessConfigRequestHeader(f.requiredString("accessKey"), f.string("secretKey"),
            f.string("whiteRemoteAddress"), f.booleanOr("admin", false), f.string("defaultTopicPerm"),
            f.string("defaultGroupPerm"), f.string("topicPerms"), f.string("groupPerms"));
    }
}
