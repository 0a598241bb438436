package io.petrel.broker.admin;

import io.petrel.broker.acl.AclException;
import io.petrel.broker.acl.AclStore;
import io.petrel.common.body.PlainAccessConfig;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.json.JsonWriter;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.CreateAccessConfigRequestHeader;
import io.petrel.remoting.protocol.header.DeleteAccessConfigRequestHeader;
import io.petrel.remoting.protocol.header.GetBrokerAclConfigResponseHeader;
import io.petrel.remoting.protocol.header.UpdateGlobalWhiteAddrsConfigRequestHeader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACL admin requests: UPDATE_AND_CREATE_ACL_CONFIG (50), DELETE_ACL_CONFIG (51), GET_BROKER_CLUSTER_ACL_INFO
 * (52), UPDATE_GLOBAL_WHITE_ADDRS_CONFIG (53) and GET_BROKER_CLUSTER_ACL_CONFIG (54), served from an
 * {@link AclStore}. A refusal is answered at once with the failure code 4.9.7 gives that request (SYSTEM_ERROR for
 * the two reads) and the store's reason as the remark.
 */
public final class AclAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(AclAdmin.class);

    private final AclStore store;
    private final String clusterName;
    private final String brokerName;
    private final String brokerAddr;

    public AclAdmin(AclStore store, String clusterName, String brokerName, String brokerAddr) {
        this.store = store;
        this.clusterName = clusterName;
        this.brokerName = brokerName;
        this.brokerAddr = brokerAddr;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, (ch, req) -> update(req))
            .register(RequestCode.DELETE_ACL_CONFIG, (ch, req) -> delete(req))
            .register(RequestCode.GET_BROKER_CLUSTER_ACL_INFO, (ch, req) -> versions())
            .register(RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG, (ch, req) -> globalWhiteAddrs(req))
            .register(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG, (ch, req) -> config());
    }

    private RemotingCommand update(RemotingCommand req) throws Exception {
        CreateAccessConfigRequestHeader h = req.decodeHeader(CreateAccessConfigRequestHeader::decode);
        PlainAccessConfig account = new PlainAccessConfig(h.accessKey(), h.secretKey(), h.whiteRemoteAddress(),
            h.admin(), h.defaultTopicPerm(), h.defaultGroupPerm(), split(h.topicPerms()), split(h.groupPerms()));
        try {
            store.updateAccessConfig(account);
            return success();
        } catch (AclException e) {
            return refused(ResponseCode.UPDATE_AND_CREATE_ACL_CONFIG_FAILED, "update of account " + h.accessKey(), e);
        }
    }

    private RemotingCommand delete(RemotingCommand req) throws Exception {
        String accessKey = req.decodeHeader(DeleteAccessConfigRequestHeader::decode).accessKey();
        try {
            store.deleteAccessConfig(accessKey);
            return success();
        } catch (AclException e) {
            return refused(ResponseCode.DELETE_ACL_CONFIG_FAILED, "deletion of account " + accessKey, e);
        }
    }

    private RemotingCommand globalWhiteAddrs(RemotingCommand req) throws Exception {
        UpdateGlobalWhiteAddrsConfigRequestHeader h =
            req.decodeHeader(UpdateGlobalWhiteAddrsConfigRequestHeader::decode);
        try {
            store.updateGlobalWhiteAddrs(split(h.globalWhiteAddrs()), h.aclFileFullPath());
            return success();
        } catch (AclException e) {
            return refused(ResponseCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED, "update of the global white addresses",
                e);
        }
    }

    private RemotingCommand versions() {
        try {
            DataVersion version = store.aclConfigVersion();
            JsonWriter all = new JsonWriter(128).beginObject();
            for (Map.Entry<String, DataVersion> e : store.allAclConfigVersions().entrySet()) {
                all.name(e.getKey());
                e.getValue().writeJson(all);
            }
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, new GetBrokerAclConfigResponseHeader(
                new String(version.encode(), StandardCharsets.UTF_8), all.endObject().toString(), brokerName,
                brokerAddr, clusterName));
        } catch (AclException e) {
            return refused(ResponseCode.SYSTEM_ERROR, "ACL version query", e);
        }
    }

    private RemotingCommand config() {
        try {
            return success().body(store.allAclConfig().encode());
        } catch (AclException e) {
            return refused(ResponseCode.SYSTEM_ERROR, "ACL config query", e);
        }
    }

    private static RemotingCommand success() {
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }

    private static RemotingCommand refused(int code, String what, AclException e) {
        LOG.warn("{} refused: {}", what, e.getMessage());
        return RemotingCommand.createResponse(code, e.getMessage());
    }

    /** A comma-separated list as 4.9.7 splits it: null stays null. */
    private static List<String> split(String joined) {
        return joined == null ? null : Arrays.asList(joined.split(","));
    }
}
