package io.petrel.test.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.broker.PetrelCluster;
import io.petrel.test.official.Closeables;
import io.petrel.test.official.OfficialHeaders;
import io.petrel.test.official.OfficialBroker;
import io.petrel.test.official.OfficialNamesrv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.rocketmq.common.filter.FilterAPI;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.header.CreateTopicRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetConsumerListByGroupRequestHeader;
import org.apache.rocketmq.common.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2;
import org.apache.rocketmq.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.heartbeat.ConsumeType;
import org.apache.rocketmq.common.protocol.heartbeat.ConsumerData;
import org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same plain_acl.yml given to an official 4.9.7 broker and to Petrel; the same signed requests, built with the
 * official classes and signed by the official hook, get the same decision from both: the same response code for a
 * refusal, and a remark whose reason is the same (4.9.7 appends one stack frame of its own that Petrel does not).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class AclSideBySideTest {
    @TempDir
    static Path dir;
    private final Closeables started = new Closeables();
    private String officialAddr;
    private String petrelAddr;
    private String officialNamesrv;
    private String petrelNamesrv;
    private NettyRemotingClient client;

    @BeforeAll
    void start() throws Exception {
        OfficialNamesrv namesrv = started.add(OfficialNamesrv.start(dir.resolve("official-namesrv"), List.of()));
        officialNamesrv = namesrv.address();
        officialAddr = started.add(OfficialBroker.startWithAcl(dir.resolve("official-broker"), "broker-a",
            namesrv.address(), PlainAcl.RULES)).address();
        PetrelCluster petrel = started.add(PlainAcl.startPetrel(dir.resolve("petrel"), PlainAcl.RULES));
        petrelAddr = petrel.broker().address();
        petrelNamesrv = petrel.namesrvAddr();
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        started.add(client::shutdown);
    }

    @AfterAll
    void stop() throws Exception {
        started.closeAll();
    }

    /** One request: who signs it (null: nobody) and how it is built, afresh for each broker. */
    private record Case(String accessKey, String secretKey, Supplier<RemotingCommand> request) {
    }

    private RemotingCommand ask(String addr, Case c) throws Exception {
        RemotingCommand request = c.request().get();
        if (c.accessKey() != null) {
            RPCHook hook = PlainAcl.hook(c.accessKey(), c.secretKey());
            hook.doBeforeRequest(addr, request);
        }
        return client.invokeSync(addr, request, 10_000);
    }

    /** "allowed", or the refusal's code and ACL reason; the two remarks are compared on the way. */
    private Map<String, String> decisions(Map<String, Case> cases, boolean official) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Case> e : cases.entrySet()) {
            RemotingCommand ours = ask(petrelAddr, e.getValue());
            RemotingCommand theirs = ask(officialAddr, e.getValue());
            RemotingCommand r = official ? theirs : ours;
            String reason = AclOutcome.reason(r.getRemark());
            out.put(e.getKey(), reason == null ? "allowed" : r.getCode() + " " + reason);
            if (reason != null && !official) {
                assertTrue(theirs.getRemark() != null && theirs.getRemark().startsWith(ours.getRemark() + ", "),
                    e.getKey() + ": ours " + ours.getRemark() + " / theirs " + theirs.getRemark());
            }
        }
        return out;
    }

    private static Supplier<RemotingCommand> send(String topic, String producerGroup) {
        return () -> {
            SendMessageRequestHeader h = OfficialHeaders.send(producerGroup, topic, "");
            RemotingCommand cmd = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2,
                SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(h));
            cmd.setBody(("body of " + topic).getBytes(StandardCharsets.UTF_8));
            return cmd;
        };
    }

    private static Supplier<RemotingCommand> pull(String topic, String group) {
        return () -> {
            PullMessageRequestHeader h = OfficialHeaders.pull(group, topic, 0, 0, 32);
            return RemotingCommand.createRequestCommand(RequestCode.PULL_MESSAGE, h);
        };
    }

    private static Supplier<RemotingCommand> heartbeat(String group, String topic) {
        return () -> {
            ConsumerData consumer = new ConsumerData();
            consumer.setGroupName(group);
            consumer.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
            consumer.setMessageModel(MessageModel.CLUSTERING);
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
            try {
                consumer.getSubscriptionDataSet().add(FilterAPI.buildSubscriptionData(topic, "*"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            HeartbeatData hb = new HeartbeatData();
            hb.setClientID("side-by-side@1");
            hb.getConsumerDataSet().add(consumer);
            RemotingCommand cmd = RemotingCommand.createRequestCommand(RequestCode.HEART_BEAT, null);
            cmd.setBody(hb.encode());
            return cmd;
        };
    }

    private static Supplier<RemotingCommand> createTopic(String topic) {
        return () -> {
            CreateTopicRequestHeader h = new CreateTopicRequestHeader();
            h.setTopic(topic);
            h.setDefaultTopic("TBW102");
            h.setReadQueueNums(1);
            h.setWriteQueueNums(1);
            h.setPerm(6);
            h.setTopicFilterType("SINGLE_TAG");
            h.setTopicSysFlag(0);
            h.setOrder(false);
            return RemotingCommand.createRequestCommand(RequestCode.UPDATE_AND_CREATE_TOPIC, h);
        };
    }

    private static Supplier<RemotingCommand> consumerList(String group) {
        return () -> {
            GetConsumerListByGroupRequestHeader h = new GetConsumerListByGroupRequestHeader();
            h.setConsumerGroup(group);
            return RemotingCommand.createRequestCommand(RequestCode.GET_CONSUMER_LIST_BY_GROUP, h);
        };
    }

    private static Supplier<RemotingCommand> commitOffset(String topic, String group) {
        return () -> {
            UpdateConsumerOffsetRequestHeader h = new UpdateConsumerOffsetRequestHeader();
            h.setConsumerGroup(group);
            h.setTopic(topic);
            h.setQueueId(0);
            h.setCommitOffset(0L);
            return RemotingCommand.createRequestCommand(RequestCode.UPDATE_CONSUMER_OFFSET, h);
        };
    }

    /**
     * Petrel's own client with Petrel's {@link io.petrel.client.acl.AclClientRPCHook}: its signatures are accepted
     * by both brokers, and both refuse what the rules refuse.
     */
    @Test
    void petrelsClientSignsRequestsBothBrokersAccept() throws Exception {
        Map<String, String> petrel = petrelClientOutcomes(petrelNamesrv, "petrel-a");
        Map<String, String> official = petrelClientOutcomes(officialNamesrv, "broker-a");
        assertEquals(official, petrel);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("send topicB", null);
        expected.put("send topicA", "No default permission for topic:topicA");
        expected.put("pull topicB groupB", "FOUND");
        expected.put("pull topicB groupA", "No default permission for group:groupA");
        expected.put("send wrong secret", "Check signature failed for accessKey=RocketMQ");
        assertEquals(expected, petrel);
    }

    private Map<String, String> petrelClientOutcomes(String namesrv, String brokerName) throws Exception {
        io.petrel.remoting.RPCHook user = new io.petrel.client.acl.AclClientRPCHook(
            new io.petrel.client.acl.SessionCredentials(PlainAcl.USER, PlainAcl.SECRET));
        io.petrel.remoting.RPCHook wrong = new io.petrel.client.acl.AclClientRPCHook(
            new io.petrel.client.acl.SessionCredentials(PlainAcl.USER, "wrongSecret"));
        io.petrel.client.producer.DefaultMQProducer producer = petrelProducer(namesrv, user);
        io.petrel.client.producer.DefaultMQProducer wrongProducer = petrelProducer(namesrv, wrong);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("send topicB", petrelSend(producer, "topicB", brokerName));
        out.put("send topicA", petrelSend(producer, "topicA", brokerName));
        out.put("pull topicB groupB", petrelPull(namesrv, user, "groupB", "topicB", brokerName));
        out.put("pull topicB groupA", petrelPull(namesrv, user, "groupA", "topicB", brokerName));
        out.put("send wrong secret", petrelSend(wrongProducer, "topicB", brokerName));
        return out;
    }

    private io.petrel.client.producer.DefaultMQProducer petrelProducer(String namesrv, io.petrel.remoting.RPCHook hook)
        throws Exception {
        io.petrel.client.producer.DefaultMQProducer p = new io.petrel.client.producer.DefaultMQProducer("petrelPg",
            hook);
        p.setNamesrvAddr(namesrv);
        p.setInstanceName("petrel-acl-" + System.nanoTime());
        p.setRetryTimesWhenSendFailed(0);
        p.start();
        started.add(p::shutdown);
        return p;
    }

    private static String petrelSend(io.petrel.client.producer.DefaultMQProducer p, String topic, String brokerName)
        throws Exception {
        return AclOutcome.of(() -> p.send(new io.petrel.common.message.Message(topic,
            "petrel".getBytes(StandardCharsets.UTF_8)), new io.petrel.common.message.MessageQueue(topic, brokerName,
            0)));
    }

    private String petrelPull(String namesrv, io.petrel.remoting.RPCHook hook, String group, String topic,
                              String brokerName) throws Exception {
        io.petrel.client.consumer.DefaultMQPullConsumer c = new io.petrel.client.consumer.DefaultMQPullConsumer(group,
            hook);
        c.setNamesrvAddr(namesrv);
        c.setInstanceName("petrel-acl-" + System.nanoTime());
        c.start();
        started.add(c::shutdown);
        String[] status = new String[1];
        String refused = AclOutcome.of(() -> status[0] = c.pull(new io.petrel.common.message.MessageQueue(topic,
            brokerName, 0), "*", 0, 32).getPullStatus().name());
        return refused != null ? refused : status[0];
    }

    /**
     * The same ACL admin requests, through the official admin client, leave the same rules file on both brokers:
     * the same YAML text once the data version timestamps are masked.
     */
    @Test
    void adminRequestsLeaveTheSameFileOnBothBrokers() throws Exception {
        String ours = afterAdminEdits(petrelNamesrv, petrelAddr, PlainAcl.rulesFile(dir.resolve("petrel")));
        String theirs = afterAdminEdits(officialNamesrv, officialAddr,
            OfficialBroker.plainAclFile(dir.resolve("official-broker")));
        assertEquals(theirs, ours);
        assertTrue(ours.contains("accessKey: sbsAccount\n") && !ours.contains("sbsAccount2")
            && ours.contains("secretKey: sbsSecret3") && ours.contains("- 10.10.109.*"), ours);
    }

    /** Adds, updates and deletes accounts and changes the white addresses; the file then, timestamps masked. */
    private String afterAdminEdits(String namesrv, String broker, Path file) throws Exception {
        org.apache.rocketmq.tools.admin.DefaultMQAdminExt admin =
            new org.apache.rocketmq.tools.admin.DefaultMQAdminExt(PlainAcl.hook(PlainAcl.ADMIN));
        admin.setNamesrvAddr(namesrv);
        admin.setInstanceName("sbs-admin-" + System.nanoTime());
        admin.start();
        try {
            org.apache.rocketmq.common.PlainAccessConfig a = new org.apache.rocketmq.common.PlainAccessConfig();
            a.setAccessKey("sbsAccount");
            a.setSecretKey("sbsSecret1");
            a.setWhiteRemoteAddress("10.0.0.*");
            a.setDefaultTopicPerm("PUB");
            a.setTopicPerms(List.of("t1=SUB", "t2=PUB|SUB"));
            admin.createAndUpdatePlainAccessConfig(broker, a);
            org.apache.rocketmq.common.PlainAccessConfig b = new org.apache.rocketmq.common.PlainAccessConfig();
            b.setAccessKey("sbsAccount2");
            b.setSecretKey("sbsSecret2");
            b.setAdmin(true);
            b.setGroupPerms(List.of("g1=DENY"));
            admin.createAndUpdatePlainAccessConfig(broker, b);
            a.setSecretKey("sbsSecret3");
            a.setTopicPerms(null);
            a.setDefaultGroupPerm("SUB");
            admin.createAndUpdatePlainAccessConfig(broker, a);
            admin.deletePlainAccessConfig(broker, "sbsAccount2");
            admin.updateGlobalWhiteAddrConfig(broker, "10.10.103.*,10.10.109.*");
        } finally {
            admin.shutdown();
        }
        return java.nio.file.Files.readString(file).replaceAll("timestamp: \\d+", "timestamp: T");
    }

    private static Case as(String accessKey, Supplier<RemotingCommand> request) {
        return new Case(accessKey, PlainAcl.SECRET, request);
    }

    @Test
    void theSameRequestsGetTheSameDecisions() throws Exception {
        String user = PlainAcl.USER;
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("send topicA", as(user, send("topicA", "pg")));
        cases.put("send topicB", as(user, send("topicB", "pg")));
        cases.put("send topicC", as(user, send("topicC", "pg")));
        cases.put("send other", as(user, send("sbsOther", "pg")));
        cases.put("send retry groupA", as(user, send("%RETRY%groupA", "groupA")));
        cases.put("send retry groupC", as(user, send("%RETRY%groupC", "groupC")));
        cases.put("send default PUB", as(PlainAcl.PUB_ONLY, send("sbsOther", "pg")));
        cases.put("send default SUB", as(PlainAcl.SUB_ONLY, send("sbsOther", "pg")));
        cases.put("send admin", as(PlainAcl.ADMIN, send("topicA", "pg")));
        cases.put("send wrong secret", new Case(user, "wrongSecret", send("topicB", "pg")));
        cases.put("send unknown key", as("nobody99", send("topicB", "pg")));
        cases.put("send unsigned", new Case(null, null, send("topicB", "pg")));
        cases.put("pull topicB groupB", as(user, pull("topicB", "groupB")));
        cases.put("pull topicA groupB", as(user, pull("topicA", "groupB")));
        cases.put("pull topicB groupA", as(user, pull("topicB", "groupA")));
        cases.put("pull topicA groupA", as(user, pull("topicA", "groupA")));
        cases.put("pull pub-only", as(PlainAcl.PUB_ONLY, pull("topicB", "groupB")));
        cases.put("heartbeat groupB topicB", as(user, heartbeat("groupB", "topicB")));
        cases.put("heartbeat groupA topicB", as(user, heartbeat("groupA", "topicB")));
        cases.put("heartbeat groupB topicA", as(user, heartbeat("groupB", "topicA")));
        cases.put("create topic user", as(user, createTopic("sbsCreated")));
        cases.put("create topic admin", as(PlainAcl.ADMIN, createTopic("sbsCreated")));
        cases.put("consumer list groupA", as(user, consumerList("groupA")));
        cases.put("consumer list groupC", as(user, consumerList("groupC")));
        cases.put("commit offset topicA groupB", as(user, commitOffset("topicA", "groupB")));
        cases.put("commit offset topicC groupC", as(user, commitOffset("topicC", "groupC")));

        Map<String, String> petrel = decisions(cases, false);
        Map<String, String> official = decisions(cases, true);
        assertEquals(official, petrel);
        // The decisions are the ones the rules call for, not merely the same.
        assertEquals("allowed", petrel.get("send topicB"));
        assertEquals(ResponseCode.SYSTEM_ERROR + " No default permission for topic:topicA", petrel.get("send topicA"));
        assertEquals(ResponseCode.SYSTEM_ERROR + " Check signature failed for accessKey=RocketMQ",
            petrel.get("send wrong secret"));
        assertEquals(ResponseCode.SYSTEM_ERROR + " Need admin permission for request code=17, but accessKey=RocketMQ "
            + "is not", petrel.get("create topic user"));
        assertEquals(ResponseCode.SUCCESS, ask(petrelAddr, as(user, send("topicB", "pg"))).getCode());
        assertEquals(ResponseCode.SUCCESS, ask(officialAddr, as(user, send("topicB", "pg"))).getCode());
    }
}
