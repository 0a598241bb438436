package io.petrel.broker.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.ConsumerData;
import io.petrel.common.heartbeat.HeartbeatData;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.remoting.acl.RequestSignature;
import io.petrel.remoting.exception.RequestRefusedException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision for each request code the plain validator looks into, for each kind of permission an account can
 * have: what passes, and the reason given for what does not (RocketMQ 4.9.7's words).
 */
class AccessCheckerTest {
    private static final String HOST = "10.1.1.1:5555";
    private static final String USER = "RocketMQ";
    private static final String ADMIN = "rocketmq2";
    private static final String SECRET = "12345678";

    @TempDir
    Path home;
    private PlainAclStore store;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/plain_acl.yml"), PlainAclStoreTest.GOOD
            + "  - accessKey: pubDefault\n    secretKey: 12345678\n    defaultTopicPerm: PUB\n"
            + "    defaultGroupPerm: PUB|SUB\n");
        store = new PlainAclStore(home, "conf/plain_acl.yml", Clock.systemUTC());
        store.start();
    }

    /** A request as a client signing with {@code ak}/{@code secret} sends it. */
    private static RemotingCommand signed(int code, Map<String, String> fields, byte[] body, String ak,
                                          String secret) {
        RemotingCommand cmd = RemotingCommand.createRequest(code).body(body);
        fields.forEach(cmd::addExtField);
        cmd.addExtField(RequestSignature.ACCESS_KEY, ak);
        byte[] content = RequestSignature.content(new TreeMap<>(cmd.extFields()), cmd);
        cmd.addExtField(RequestSignature.SIGNATURE, RequestSignature.sign(content, secret));
        return cmd;
    }

    /** null when let through, else the reason. */
    private String decide(RemotingCommand cmd, String remote) {
        try {
            store.check(cmd, remote);
            return null;
        } catch (AccessDeniedException e) {
            return e.getMessage();
        }
    }

    private String decide(String ak, int code, Map<String, String> fields) {
        return decide(signed(code, fields, null, ak, SECRET), HOST);
    }

    @Test
    void sendsNeedPubOnTheTopicAndRetrySendsSubOnTheGroup() {
        Map<String, String> decisions = new LinkedHashMap<>();
        for (String topic : List.of("topicA", "topicB", "topicC", "other")) {
            decisions.put("v1 " + topic, decide(USER, RequestCode.SEND_MESSAGE, Map.of("topic", topic,
                "producerGroup", "pg")));
            decisions.put("v2 " + topic, decide(USER, RequestCode.SEND_MESSAGE_V2, Map.of("b", topic, "a", "pg")));
        }
        decisions.put("v2 retry groupA", decide(USER, RequestCode.SEND_MESSAGE_V2, Map.of("b", "%RETRY%groupA",
            "a", "groupA")));
        decisions.put("v2 retry groupC", decide(USER, RequestCode.SEND_MESSAGE_V2, Map.of("b", "%RETRY%groupC",
            "a", "groupC")));
        decisions.put("v1 retry groupA (no group field)", decide(USER, RequestCode.SEND_MESSAGE, Map.of("topic",
            "%RETRY%groupA", "producerGroup", "groupA")));
        decisions.put("trace topic", decide(USER, RequestCode.SEND_MESSAGE_V2, Map.of("b", "RMQ_SYS_TRACE_TOPIC")));
        decisions.put("send back groupB", decide(USER, RequestCode.CONSUMER_SEND_MSG_BACK, Map.of("group",
            "groupB")));
        decisions.put("send back groupA", decide(USER, RequestCode.CONSUMER_SEND_MSG_BACK, Map.of("group",
            "groupA")));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("v1 topicA", "No default permission for topic:topicA");
        expected.put("v2 topicA", "No default permission for topic:topicA");
        expected.put("v1 topicB", null);
        expected.put("v2 topicB", null);
        expected.put("v1 topicC", "No default permission for topic:topicC");
        expected.put("v2 topicC", "No default permission for topic:topicC");
        expected.put("v1 other", "No default permission for topic:other");
        expected.put("v2 other", "No default permission for topic:other");
        expected.put("v2 retry groupA", "No default permission for group:groupA");
        expected.put("v2 retry groupC", null);
        expected.put("v1 retry groupA (no group field)", null);
        expected.put("trace topic", null);
        expected.put("send back groupB", null);
        expected.put("send back groupA", "No default permission for group:groupA");
        assertEquals(expected, decisions);
    }

    @Test
    void consumingNeedsSubOnTopicAndGroup() {
        // 5.x's lite pull and Pop codes are checked as a pull is.
        for (int code : new int[] {RequestCode.PULL_MESSAGE, RequestCode.LITE_PULL_MESSAGE, RequestCode.POP_MESSAGE,
            RequestCode.ACK_MESSAGE, RequestCode.CHANGE_MESSAGE_INVISIBLETIME, RequestCode.NOTIFICATION,
            RequestCode.POLLING_INFO}) {
            assertEquals(null, decide(USER, code, Map.of("topic", "topicC", "consumerGroup", "groupC")));
            assertEquals("No default permission for topic:topicA", decide(USER, code,
                Map.of("topic", "topicA", "consumerGroup", "groupC")));
            assertEquals("No default permission for group:groupA", decide(USER, code,
                Map.of("topic", "topicB", "consumerGroup", "groupA")));
        }
        assertEquals(null, decide(USER, RequestCode.QUERY_MESSAGE, Map.of("topic", "topicB")));
        assertEquals("No default permission for topic:topicA", decide(USER, RequestCode.QUERY_MESSAGE,
            Map.of("topic", "topicA")));
        assertEquals(null, decide(USER, RequestCode.UPDATE_CONSUMER_OFFSET, Map.of("topic", "topicC",
            "consumerGroup", "other")));
        assertEquals("No default permission for topic:topicA", decide(USER, RequestCode.UPDATE_CONSUMER_OFFSET,
            Map.of("topic", "topicA", "consumerGroup", "groupB")));
        for (int code : new int[] {RequestCode.UNREGISTER_CLIENT, RequestCode.GET_CONSUMER_LIST_BY_GROUP}) {
            assertEquals(null, decide(USER, code, Map.of("consumerGroup", "groupB")));
            assertEquals("No default permission for group:groupA", decide(USER, code,
                Map.of("consumerGroup", "groupA")));
        }
        // Codes the validator does not look into need a valid signature only.
        assertEquals(null, decide(USER, RequestCode.QUERY_CONSUMER_OFFSET, Map.of("topic", "topicA",
            "consumerGroup", "groupA")));
        assertEquals(null, decide(USER, RequestCode.LOCK_BATCH_MQ, Map.of()));
        assertEquals(null, decide(USER, RequestCode.END_TRANSACTION, Map.of("producerGroup", "groupA")));
    }

    @Test
    void aHeartbeatNeedsSubOnEverySubscribedTopicAndGroup() {
        SubscriptionData sub = new SubscriptionData("topicA", "*", Set.of(), Set.of(), 1, "TAG", false);
        ConsumerData consumer = new ConsumerData("groupB", ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, List.of(sub), false);
        byte[] body = new HeartbeatData("client-1", List.of("pg"), List.of(consumer)).encode();
        assertEquals("No default permission for topic:topicA", decide(signed(RequestCode.HEART_BEAT, Map.of(), body,
            USER, SECRET), HOST));
        SubscriptionData ok = new SubscriptionData("topicC", "*", Set.of(), Set.of(), 1, "TAG", false);
        byte[] good = new HeartbeatData("client-1", List.of("pg"), List.of(new ConsumerData("groupB",
            ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
            List.of(ok), false))).encode();
        assertEquals(null, decide(signed(RequestCode.HEART_BEAT, Map.of(), good, USER, SECRET), HOST));
        RemotingCommand tampered = signed(RequestCode.HEART_BEAT, Map.of(), good, USER, SECRET).body(body);
        assertEquals("Check signature failed for accessKey=RocketMQ", decide(tampered, HOST));
    }

    @Test
    void adminCodesNeedAnAdminAccountAndAnAdminWithoutResourcesPassesThem() {
        for (int code : new int[] {RequestCode.UPDATE_AND_CREATE_TOPIC, RequestCode.UPDATE_BROKER_CONFIG,
            RequestCode.DELETE_TOPIC_IN_BROKER, RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
            RequestCode.DELETE_SUBSCRIPTIONGROUP, RequestCode.SET_MESSAGE_REQUEST_MODE,
            RequestCode.UPDATE_AND_CREATE_TOPIC_LIST, RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST}) {
            assertEquals("Need admin permission for request code=" + code + ", but accessKey=RocketMQ is not",
                decide(USER, code, Map.of("topic", "topicB")));
            assertEquals(null, decide(ADMIN, code, Map.of("topic", "topicB")));
        }
        // The admin account names no resources: every topic and group check passes.
        assertEquals(null, decide(ADMIN, RequestCode.PULL_MESSAGE, Map.of("topic", "x", "consumerGroup", "y")));
    }

    @Test
    void defaultPermissionsApplyToResourcesTheAccountDoesNotName() {
        assertEquals(null, decide("pubDefault", RequestCode.SEND_MESSAGE_V2, Map.of("b", "any")));
        assertEquals("No default permission for topic:any", decide("pubDefault", RequestCode.PULL_MESSAGE,
            Map.of("topic", "any", "consumerGroup", "g")));
        assertEquals(null, decide("pubDefault", RequestCode.CONSUMER_SEND_MSG_BACK, Map.of("group", "g")));
    }

    @Test
    void credentialsAndWhiteAddresses() {
        RemotingCommand unsigned = RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2).addExtField("b",
            "topicA");
        assertEquals("No accessKey is configured", decide(unsigned, HOST));
        assertEquals(null, decide(unsigned, "10.10.103.20:1"), "globally white");
        assertEquals(null, decide(RemotingCommand.createRequest(RequestCode.HEART_BEAT), "192.168.0.9:1"),
            "globally white, no ext fields");
        assertEquals("No acl config for nobody123", decide("nobody123", RequestCode.SEND_MESSAGE_V2,
            Map.of("b", "topicB")));
        assertEquals("Check signature failed for accessKey=RocketMQ", decide(signed(RequestCode.SEND_MESSAGE_V2,
            Map.of("b", "topicB"), null, USER, "wrong-secret"), HOST));
        // White for the admin account: no signature needed (nor checked), and no permission check either.
        RemotingCommand whiteForAccount = RemotingCommand.createRequest(RequestCode.UPDATE_AND_CREATE_TOPIC)
            .addExtField("AccessKey", ADMIN);
        assertEquals(null, decide(whiteForAccount, "192.168.1.50:7"));
        assertEquals("Check signature failed for accessKey=rocketmq2", decide(whiteForAccount, HOST));
        // The unique-key flag of a query is not part of what the broker checks the signature over.
        RemotingCommand query = signed(RequestCode.QUERY_MESSAGE, Map.of("topic", "topicB"), null, USER, SECRET)
            .addExtField("_UNIQUE_KEY_QUERY", "true");
        assertEquals(null, decide(query, HOST));
    }

    @Test
    void theHookAnswersARefusalAs497DoesAndLetsTheRestThrough() {
        AclValidatorHook hook = new AclValidatorHook(store);
        RequestRefusedException e = org.junit.jupiter.api.Assertions.assertThrows(RequestRefusedException.class,
            () -> hook.doBeforeRequest(HOST, RemotingCommand.createRequest(RequestCode.GET_ROUTEINFO_BY_TOPIC)));
        assertEquals(ResponseCode.SYSTEM_ERROR, e.code());
        assertEquals("org.apache.rocketmq.acl.common.AclException: No accessKey is configured", e.remark());
        hook.doBeforeRequest(HOST, signed(RequestCode.SEND_MESSAGE_V2, Map.of("b", "topicB"), new byte[] {1}, USER,
            SECRET));
    }
}
