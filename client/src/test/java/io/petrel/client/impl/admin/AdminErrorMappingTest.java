package io.petrel.client.impl.admin;

import static io.petrel.client.impl.admin.ScriptedTransport.error;
import static io.petrel.client.impl.admin.ScriptedTransport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.topic.TopicConfig;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Error answers become the exception 4.9.7 throws for that call: {@link MQBrokerException} with the broker's code,
 * remark and address, or {@link MQClientException} with the code and remark.
 */
class AdminErrorMappingTest {
    private static final String BROKER = "10.0.0.1:10911";
    private static final List<String> NAMESRVS = List.of("10.0.0.8:9876", "10.0.0.9:9876");

    private static AdminRemoting answering(RemotingCommand response) {
        return new AdminRemoting(new ScriptedTransport(NAMESRVS, (addr, request) -> response), false);
    }

    @Test
    void brokerQueriesThrowBrokerExceptionsWithCodeRemarkAndAddress() {
        AdminRemoting remoting = answering(error(ResponseCode.TOPIC_NOT_EXIST, "topic[T1] not exist"));
        MQBrokerException e = assertThrows(MQBrokerException.class,
            () -> remoting.getTopicStatsInfo(BROKER, "T1", 1000));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, e.getResponseCode());
        assertEquals("topic[T1] not exist", e.getErrorMessage());
        assertEquals(BROKER, e.getBrokerAddr());

        AdminRemoting offline = answering(error(ResponseCode.CONSUMER_NOT_ONLINE, "the consumer group[G] not online"));
        assertEquals(ResponseCode.CONSUMER_NOT_ONLINE, assertThrows(MQBrokerException.class,
            () -> offline.getConsumerConnectionList(BROKER, "G", 1000)).getResponseCode());
    }

    @Test
    void aclFailuresBecomeTheExceptions497Throws() {
        AdminRemoting refused = answering(error(ResponseCode.UPDATE_AND_CREATE_ACL_CONFIG_FAILED, "no"));
        MQClientException update = assertThrows(MQClientException.class, () -> refused.createPlainAccessConfig(BROKER,
            new io.petrel.common.body.PlainAccessConfig("ak", null, null, false, null, null, null, null), 1000));
        assertEquals(ResponseCode.UPDATE_AND_CREATE_ACL_CONFIG_FAILED, update.getResponseCode());
        assertThrows(MQClientException.class, () -> refused.deleteAccessConfig(BROKER, "ak", 1000));
        assertThrows(MQClientException.class, () -> refused.updateGlobalWhiteAddrsConfig(BROKER, "10.*", null, 1000));
        AdminRemoting off = answering(error(ResponseCode.SYSTEM_ERROR, "ACL is off"));
        MQBrokerException versions = assertThrows(MQBrokerException.class,
            () -> off.getBrokerClusterAclInfo(BROKER, 1000));
        assertEquals(List.of(ResponseCode.SYSTEM_ERROR, "ACL is off", BROKER),
            List.of(versions.getResponseCode(), versions.getErrorMessage(), versions.getBrokerAddr()));
        assertThrows(MQBrokerException.class, () -> off.getBrokerClusterConfig(BROKER, 1000));
        assertThrows(MQBrokerException.class, () -> answering(ok(null)).getBrokerClusterConfig(BROKER, 1000));
    }

    @Test
    void aclVersionsAreReadFromTheAnswersHeader() throws Exception {
        RemotingCommand answer = RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
            .addExtField("version", "{\"counter\":2,\"timestamp\":1700000000000}")
            .addExtField("allAclFileVersion", "{\"/a/plain_acl.yml\":{\"counter\":2,\"timestamp\":1700000000000},"
                + "\"/a/acl/b.yml\":{\"counter\":5,\"timestamp\":1700000000001}}")
            .addExtField("brokerName", "b1").addExtField("brokerAddr", BROKER).addExtField("clusterName", "c1");
        var info = answering(answer).getBrokerClusterAclInfo(BROKER, 1000);
        assertEquals(new io.petrel.common.body.ClusterAclVersionInfo("b1", BROKER,
            new io.petrel.common.route.DataVersion(1_700_000_000_000L, 2), Map.of(
                "/a/plain_acl.yml", new io.petrel.common.route.DataVersion(1_700_000_000_000L, 2),
                "/a/acl/b.yml", new io.petrel.common.route.DataVersion(1_700_000_000_001L, 5)), "c1"), info);
        RemotingCommand broken = RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
            .addExtField("version", "{\"counter\":2}").addExtField("brokerName", "b1");
        assertEquals(ResponseCode.SYSTEM_ERROR, assertThrows(MQBrokerException.class,
            () -> answering(broken).getBrokerClusterAclInfo(BROKER, 1000)).getResponseCode());
    }

    @Test
    void brokerWritesThrowClientExceptions() {
        AdminRemoting remoting = answering(error(ResponseCode.SYSTEM_ERROR,
            "The topic[TBW102] is conflict with system topic."));
        MQClientException create = assertThrows(MQClientException.class,
            () -> remoting.createTopic(BROKER, "TBW102", TopicConfig.of("TBW102"), 1000));
        assertEquals(ResponseCode.SYSTEM_ERROR, create.getResponseCode());
        assertEquals("The topic[TBW102] is conflict with system topic.", create.getErrorMessage());
        assertThrows(MQClientException.class, () -> remoting.deleteTopicInBroker(BROKER, "T", 1000));
        assertThrows(MQClientException.class, () -> remoting.deleteSubscriptionGroup(BROKER, "G", false, 1000));
        assertThrows(MQClientException.class, () -> remoting.cleanUnusedTopic(BROKER, 1000));
        assertThrows(MQClientException.class,
            () -> remoting.invokeBrokerToResetOffset(BROKER, "T", "G", 0, true, false, 1000));
    }

    @Test
    void nameServerErrorsAreClientExceptions() {
        AdminRemoting remoting = answering(error(ResponseCode.QUERY_NOT_FOUND, "No config item, Namespace: N Key: K"));
        MQClientException e = assertThrows(MQClientException.class, () -> remoting.getKVConfigValue("N", "K", 1000));
        assertEquals(ResponseCode.QUERY_NOT_FOUND, e.getResponseCode());
        assertEquals("No config item, Namespace: N Key: K", e.getErrorMessage());
        AdminRemoting noRoute = answering(error(ResponseCode.TOPIC_NOT_EXIST, "No topic route info"));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, assertThrows(MQClientException.class,
            () -> noRoute.getTopicRouteInfo("T", 1000)).getResponseCode());
    }

    @Test
    void clusterInfoErrorIsABrokerExceptionWithoutAddressAs497Reports() {
        AdminRemoting remoting = answering(error(ResponseCode.SYSTEM_ERROR, "boom"));
        MQBrokerException e = assertThrows(MQBrokerException.class, () -> remoting.getBrokerClusterInfo(1000));
        assertEquals(ResponseCode.SYSTEM_ERROR, e.getResponseCode());
        assertNull(e.getBrokerAddr());
    }

    @Test
    void successWithoutBodyOnABodyCallIsAClientExceptionWithCodeZero() {
        AdminRemoting remoting = answering(ok(null));
        assertEquals(ResponseCode.SUCCESS, assertThrows(MQClientException.class,
            () -> remoting.getAllTopicList(1000)).getResponseCode());
        assertEquals(ResponseCode.SUCCESS, assertThrows(MQClientException.class,
            () -> remoting.invokeBrokerToResetOffset(BROKER, "T", "G", 0, true, false, 1000)).getResponseCode());
    }

    @Test
    void undecodableBodiesAreReportedAsSystemErrors() {
        AdminRemoting remoting = answering(ok("not json".getBytes(StandardCharsets.UTF_8)));
        MQBrokerException broker = assertThrows(MQBrokerException.class,
            () -> remoting.getTopicStatsInfo(BROKER, "T", 1000));
        assertEquals(ResponseCode.SYSTEM_ERROR, broker.getResponseCode());
        assertEquals(BROKER, broker.getBrokerAddr());
        assertEquals(ResponseCode.SYSTEM_ERROR, assertThrows(MQClientException.class,
            () -> remoting.getAllTopicList(1000)).getResponseCode());
    }

    @Test
    void kvWritesAskEveryNameServerAndReportTheLastFailure() {
        ScriptedTransport transport = new ScriptedTransport(NAMESRVS, (addr, request) ->
            addr.equals(NAMESRVS.get(0)) ? error(ResponseCode.SYSTEM_ERROR, "namespace or key is null") : ok(null));
        AdminRemoting remoting = new AdminRemoting(transport, false);
        MQClientException e = assertThrows(MQClientException.class,
            () -> remoting.putKVConfigValue("N", "K", "V", 1000));
        assertEquals(ResponseCode.SYSTEM_ERROR, e.getResponseCode());
        assertEquals(NAMESRVS, transport.calls.stream().map(ScriptedTransport.Call::addr).toList());
    }

    @Test
    void writePermissionCountsComeFromTheResponseHeader() throws Exception {
        AdminRemoting wipe = answering(ok(null).addExtField("wipeTopicCount", "7"));
        assertEquals(7, wipe.wipeWritePermOfBroker(NAMESRVS.get(0), "broker-a", 1000));
        AdminRemoting add = answering(ok(null).addExtField("addTopicCount", "3"));
        assertEquals(3, add.addWritePermOfBroker(NAMESRVS.get(0), "broker-a", 1000));
    }

    @Test
    void configurationAnswersAreParsedAsProperties() throws Exception {
        AdminRemoting remoting = answering(ok("brokerName=broker-a\nlistenPort=10911\n".getBytes(
            StandardCharsets.UTF_8)));
        Properties broker = remoting.getBrokerConfig(BROKER, 1000);
        assertEquals("broker-a", broker.getProperty("brokerName"));
        assertEquals("10911", broker.getProperty("listenPort"));
        Map<String, Properties> namesrvs = remoting.getNameServerConfig(null, 1000);
        assertEquals(NAMESRVS, List.copyOf(namesrvs.keySet()));
        assertEquals("10911", namesrvs.get(NAMESRVS.get(1)).getProperty("listenPort"));
    }

    @Test
    void getNameServerConfigWithoutNameServersAnswersNull() throws Exception {
        ScriptedTransport none = ScriptedTransport.silent(List.of());
        assertNull(new AdminRemoting(none, false).getNameServerConfig(List.of(), 1000));
        assertEquals(0, none.callsWithCode(RequestCode.GET_NAMESRV_CONFIG).size());
    }
}
