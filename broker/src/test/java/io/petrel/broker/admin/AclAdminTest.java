package io.petrel.broker.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.broker.acl.AclException;
import io.petrel.broker.acl.AclStore;
import io.petrel.broker.testing.TestStore;
import io.petrel.common.body.AclConfig;
import io.petrel.common.body.ClusterAclVersionInfo;
import io.petrel.common.body.PlainAccessConfig;
import io.petrel.common.route.DataVersion;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.CreateAccessConfigRequestHeader;
import io.petrel.remoting.protocol.header.DeleteAccessConfigRequestHeader;
import io.petrel.remoting.protocol.header.GetBrokerAclConfigResponseHeader;
import io.petrel.remoting.protocol.header.UpdateGlobalWhiteAddrsConfigRequestHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AclAdminTest {
    private static final CreateAccessConfigRequestHeader ACCOUNT = new CreateAccessConfigRequestHeader("ak1", "sk1",
        "10.0.0.*", true, "DENY", "SUB", "topicA=PUB,topicB=SUB", "groupA=SUB");

    private static RemotingCommand ask(AclStore store, int code, CommandHeader header) throws Exception {
        AdminBrokerProcessor processor = new AdminBrokerProcessor();
        new AclAdmin(store, "c1", "b1", "127.0.0.1:10911").registerInto(processor);
        return processor.processRequest(new EmbeddedChannel(),
            TestStore.request(code, header, RemotingVersion.V4_9_7));
    }

    @Test
    void withoutAclEveryRequestIsRefusedAtOnceWithItsFailureCode() throws Exception {
        AclStore off = AclStore.disabled();
        Map<Integer, Integer> expected = new LinkedHashMap<>();
        Map<Integer, Integer> answered = new LinkedHashMap<>();
        expected.put(RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, ResponseCode.UPDATE_AND_CREATE_ACL_CONFIG_FAILED);
        answered.put(RequestCode.UPDATE_AND_CREATE_ACL_CONFIG,
            check(ask(off, RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, ACCOUNT)));
        expected.put(RequestCode.DELETE_ACL_CONFIG, ResponseCode.DELETE_ACL_CONFIG_FAILED);
        answered.put(RequestCode.DELETE_ACL_CONFIG,
            check(ask(off, RequestCode.DELETE_ACL_CONFIG, new DeleteAccessConfigRequestHeader("ak1"))));
        expected.put(RequestCode.GET_BROKER_CLUSTER_ACL_INFO, ResponseCode.SYSTEM_ERROR);
        answered.put(RequestCode.GET_BROKER_CLUSTER_ACL_INFO,
            check(ask(off, RequestCode.GET_BROKER_CLUSTER_ACL_INFO, CommandHeader.EMPTY)));
        expected.put(RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG,
            ResponseCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED);
        answered.put(RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG, check(ask(off,
            RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG,
            new UpdateGlobalWhiteAddrsConfigRequestHeader("10.*", null))));
        expected.put(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG, ResponseCode.SYSTEM_ERROR);
        answered.put(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG,
            check(ask(off, RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG, CommandHeader.EMPTY)));
        assertEquals(expected, answered);
    }

    /** The refusal's remark; returns the code. */
    private static int check(RemotingCommand r) {
        assertEquals("ACL is not enabled on this broker (aclEnable=false)", r.remark());
        return r.code();
    }

    @Test
    void aStoreThatAcceptsGetsTheRequestsAsSentAndItsAnswersGoBackInTheWireForm() throws Exception {
        Recording store = new Recording();
        assertEquals(ResponseCode.SUCCESS, ask(store, RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, ACCOUNT).code());
        assertEquals(new PlainAccessConfig("ak1", "sk1", "10.0.0.*", true, "DENY", "SUB",
            List.of("topicA=PUB", "topicB=SUB"), List.of("groupA=SUB")), store.updated.get(0));
        CreateAccessConfigRequestHeader bare = new CreateAccessConfigRequestHeader("ak2", null, null, false, null,
            null, null, null);
        ask(store, RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, bare);
        assertEquals(new PlainAccessConfig("ak2", null, null, false, null, null, null, null), store.updated.get(1));

        assertEquals(ResponseCode.SUCCESS,
            ask(store, RequestCode.DELETE_ACL_CONFIG, new DeleteAccessConfigRequestHeader("ak1")).code());
        assertEquals(List.of("ak1"), store.deleted);
        assertEquals(ResponseCode.SUCCESS, ask(store, RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG,
            new UpdateGlobalWhiteAddrsConfigRequestHeader("10.*,192.168.0.1", "/acl/a.yml")).code());
        assertEquals(List.of("10.*", "192.168.0.1", "/acl/a.yml"), store.whiteAddrs);

        RemotingCommand versions = ask(store, RequestCode.GET_BROKER_CLUSTER_ACL_INFO, CommandHeader.EMPTY);
        assertEquals(ResponseCode.SUCCESS, versions.code());
        GetBrokerAclConfigResponseHeader h = (GetBrokerAclConfigResponseHeader) versions.customHeader();
        assertEquals("{\"counter\":3,\"timestamp\":1700000000000}", h.version());
        assertEquals("{\"/acl/plain_acl.yml\":{\"counter\":3,\"timestamp\":1700000000000}}", h.allAclFileVersion());
        assertEquals(List.of("c1", "b1", "127.0.0.1:10911"), List.of(h.clusterName(), h.brokerName(), h.brokerAddr()));
        assertEquals(Map.of("/acl/plain_acl.yml", new DataVersion(1_700_000_000_000L, 3)),
            ClusterAclVersionInfo.decodeVersionTable(h.allAclFileVersion().getBytes(StandardCharsets.UTF_8)));

        RemotingCommand config = ask(store, RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG, CommandHeader.EMPTY);
        assertEquals(ResponseCode.SUCCESS, config.code());
        assertNull(config.remark());
        assertEquals(store.allAclConfig(), AclConfig.decode(config.body()));
    }

    /** A store that accepts everything and records it. */
    private static final class Recording implements AclStore {
        final List<PlainAccessConfig> updated = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();
        final List<String> whiteAddrs = new ArrayList<>();

        @Override
        public void updateAccessConfig(PlainAccessConfig config) {
            updated.add(config);
        }

        @Override
        public void deleteAccessConfig(String accessKey) {
            deleted.add(accessKey);
        }

        @Override
        public void updateGlobalWhiteAddrs(List<String> patterns, String aclFileFullPath) {
            whiteAddrs.addAll(patterns);
            whiteAddrs.add(aclFileFullPath);
        }

        @Override
        public DataVersion aclConfigVersion() {
            return new DataVersion(1_700_000_000_000L, 3);
        }

        @Override
        public Map<String, DataVersion> allAclConfigVersions() {
            return Map.of("/acl/plain_acl.yml", aclConfigVersion());
        }

        @Override
        public AclConfig allAclConfig() throws AclException {
            return new AclConfig(List.of("127.0.0.1"), List.of(new PlainAccessConfig("ak1", "sk1", null, false,
                "DENY", "SUB", List.of("topicA=PUB"), null)));
        }
    }
}
