package io.petrel.test.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.broker.PetrelCluster;
import io.petrel.test.official.Closeables;
import io.petrel.tools.bench.MQBench;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official 4.9.7 client with the official {@code AclClientRPCHook} against a Petrel broker with plain ACL on:
 * sends, pulls and admin requests go through or are refused as each account's permissions say, a white-listed
 * address needs no keys, a wrong secret is refused, and a rules file changed while clients run takes effect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class OfficialClientAgainstPetrelAclTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> TOPICS = List.of("topicA", "topicB", "topicC", "topicD");

    @TempDir
    static Path dir;
    private final Closeables started = new Closeables();
    private PetrelCluster petrel;
    private String brokerAddr;

    @BeforeAll
    void start() throws Exception {
        petrel = started.add(PlainAcl.startPetrel(dir, PlainAcl.RULES));
        brokerAddr = petrel.broker().address();
        DefaultMQAdminExt admin = admin(PlainAcl.hook(PlainAcl.ADMIN));
        for (String topic : TOPICS) {
            admin.createAndUpdateTopicConfig(brokerAddr, new TopicConfig(topic, 2, 2, 6));
        }
        TOPICS.forEach(petrel::awaitRoute);
    }

    @AfterAll
    void stop() throws Exception {
        started.closeAll();
    }

    private DefaultMQAdminExt admin(RPCHook hook) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(hook);
        admin.setNamesrvAddr(petrel.namesrvAddr());
        admin.setInstanceName("acl-admin-" + System.nanoTime());
        admin.start();
        started.add(admin::shutdown);
        return admin;
    }

    private DefaultMQProducer producer(RPCHook hook) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("aclProducer", hook);
        producer.setNamesrvAddr(petrel.namesrvAddr());
        producer.setInstanceName("acl-p-" + System.nanoTime());
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        started.add(producer::shutdown);
        return producer;
    }

    private DefaultMQPullConsumer pullConsumer(String group, RPCHook hook) throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(group, hook);
        consumer.setNamesrvAddr(petrel.namesrvAddr());
        consumer.setInstanceName("acl-c-" + System.nanoTime());
        consumer.start();
        started.add(consumer::shutdown);
        return consumer;
    }

    private static String send(DefaultMQProducer producer, String topic) throws Exception {
        return AclOutcome.of(() -> {
            SendResult r = producer.send(new Message(topic, "tag", ("to " + topic).getBytes(StandardCharsets.UTF_8)),
                new MessageQueue(topic, "petrel-a", 0));
            assertEquals(org.apache.rocketmq.client.producer.SendStatus.SEND_OK, r.getSendStatus());
        });
    }

    private long stored(String topic) {
        return LongStream.range(0, 2).map(q -> petrel.broker().controller().store().getMaxOffsetInQueue(topic,
            (int) q)).sum();
    }

    private String mqbench(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, MQBench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void mqbenchSignsAsTheSampleAdminAccountOrTheGivenKeys() throws Exception {
        long before = stored("topicB");
        String signed = mqbench("producer", "-n", petrel.namesrvAddr(), "-t", "topicB", "-w", "1", "-q", "20",
            "-a", "true");
        assertTrue(signed.contains("Failed: 0 Response Failed: 0"), signed);
        // stored once acknowledged, in its queue a moment later
        Awaitility.await().atMost(WAIT).until(() -> stored("topicB") == before + 20);
        String wrong = mqbench("producer", "-n", petrel.namesrvAddr(), "-t", "topicB", "-w", "1", "-q", "3",
            "-a", "true", "-ak", PlainAcl.ADMIN, "-sk", "not-the-secret");
        assertTrue(wrong.contains("Send Total: 0 "), wrong);
        assertEquals(before + 20, stored("topicB"), "nothing sent with a wrong secret");
    }

    @Test
    void sendsGoThroughAsEachAccountsTopicPermissionsSay() throws Exception {
        DefaultMQProducer user = producer(PlainAcl.hook(PlainAcl.USER));
        DefaultMQProducer pubOnly = producer(PlainAcl.hook(PlainAcl.PUB_ONLY));
        DefaultMQProducer subOnly = producer(PlainAcl.hook(PlainAcl.SUB_ONLY));
        DefaultMQProducer admin = producer(PlainAcl.hook(PlainAcl.ADMIN));
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            outcomes.put("user " + topic, send(user, topic));
        }
        outcomes.put("default PUB topicD", send(pubOnly, "topicD"));
        outcomes.put("default SUB topicD", send(subOnly, "topicD"));
        outcomes.put("admin topicA", send(admin, "topicA"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("user topicA", "No default permission for topic:topicA");
        expected.put("user topicB", null);
        expected.put("user topicC", "No default permission for topic:topicC");
        expected.put("user topicD", "No default permission for topic:topicD");
        expected.put("default PUB topicD", null);
        expected.put("default SUB topicD", "No default permission for topic:topicD");
        expected.put("admin topicA", null);
        assertEquals(expected, outcomes);
    }

    @Test
    void pullsNeedSubOnTheTopicAndTheGroup() throws Exception {
        assertEquals(null, send(producer(PlainAcl.hook(PlainAcl.USER)), "topicB"));
        Map<String, String> outcomes = new LinkedHashMap<>();
        outcomes.put("groupB topicB", pull(pullConsumer("groupB", PlainAcl.hook(PlainAcl.USER)), "topicB"));
        // queue 1 of topicC: nothing is ever sent there
        outcomes.put("groupC topicC", pull(pullConsumer("groupC", PlainAcl.hook(PlainAcl.USER)), "topicC", 1));
        outcomes.put("groupB topicA", pull(pullConsumer("groupB", PlainAcl.hook(PlainAcl.USER)), "topicA"));
        outcomes.put("groupA topicB", pull(pullConsumer("groupA", PlainAcl.hook(PlainAcl.USER)), "topicB"));
        outcomes.put("pub-only account", pull(pullConsumer("groupP", PlainAcl.hook(PlainAcl.PUB_ONLY)), "topicB"));
        outcomes.put("sub-only account", pull(pullConsumer("groupS", PlainAcl.hook(PlainAcl.SUB_ONLY)), "topicB"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("groupB topicB", "FOUND");
        expected.put("groupC topicC", "NO_NEW_MSG");
        expected.put("groupB topicA", "No default permission for topic:topicA");
        expected.put("groupA topicB", "No default permission for group:groupA");
        expected.put("pub-only account", "No default permission for topic:topicB");
        expected.put("sub-only account", "FOUND");
        assertEquals(expected, outcomes);
    }

    /** The status of a pull of a queue from offset 0, or the ACL reason it was refused. */
    private static String pull(DefaultMQPullConsumer consumer, String topic) throws Exception {
        return pull(consumer, topic, 0);
    }

    /**
     * Pulls once, then shuts the consumer down: a pull consumer left running stays a member of its group and would
     * take queues from the push consumers of that group in a later test.
     */
    private static String pull(DefaultMQPullConsumer consumer, String topic, int queueId) throws Exception {
        String[] status = new String[1];
        try {
            String refused = AclOutcome.of(() -> {
                PullResult r = consumer.pull(new MessageQueue(topic, "petrel-a", queueId), "*", 0, 32);
                status[0] = r.getPullStatus() == PullStatus.NO_MATCHED_MSG ? "NO_NEW_MSG" : r.getPullStatus().name();
            });
            return refused != null ? refused : status[0];
        } finally {
            consumer.shutdown();
        }
    }

    /**
     * Push consumers, the official one with the official hook and Petrel's with Petrel's, consume through ACL: their
     * heartbeats, rebalance, pulls (of the topic and of the group's retry topic) and offset commits all go through.
     */
    @Test
    void pushConsumersConsumeWhatTheyMay() throws Exception {
        Set<String> official = ConcurrentHashMap.newKeySet();
        Set<String> petrelSide = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("groupB", PlainAcl.hook(PlainAcl.USER),
            new AllocateMessageQueueAveragely());
        consumer.setNamesrvAddr(petrel.namesrvAddr());
        consumer.setInstanceName("acl-push-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("topicB", "push");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> official.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        started.add(consumer::shutdown);
        io.petrel.client.consumer.DefaultMQPushConsumer ours = new io.petrel.client.consumer.DefaultMQPushConsumer(
            "groupC", new io.petrel.client.acl.AclClientRPCHook(new io.petrel.client.acl.SessionCredentials(
            PlainAcl.SUB_ONLY, PlainAcl.SECRET)));
        ours.setNamesrvAddr(petrel.namesrvAddr());
        ours.setInstanceName("acl-push-petrel-" + System.nanoTime());
        ours.setConsumeFromWhere(io.petrel.common.heartbeat.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        ours.subscribe("topicB", "push");
        ours.registerMessageListener((io.petrel.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> petrelSide.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return io.petrel.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        ours.start();
        started.add(ours::shutdown);

        DefaultMQProducer producer = producer(PlainAcl.hook(PlainAcl.USER));
        Set<String> sent = new java.util.HashSet<>();
        for (int i = 0; i < 10; i++) {
            String body = "push-" + i;
            producer.send(new Message("topicB", "push", body.getBytes(StandardCharsets.UTF_8)));
            sent.add(body);
        }
        Awaitility.await().atMost(WAIT).until(() -> official.containsAll(sent) && petrelSide.containsAll(sent));
        assertEquals(sent, official);
        assertEquals(sent, petrelSide);
    }

    @Test
    void topicCreationNeedsTheAdminFlag() throws Exception {
        DefaultMQAdminExt user = admin(PlainAcl.hook(PlainAcl.USER));
        assertEquals("Need admin permission for request code=17, but accessKey=RocketMQ is not",
            AclOutcome.of(() -> user.createAndUpdateTopicConfig(brokerAddr, new TopicConfig("byUser", 1, 1, 6))));
        DefaultMQAdminExt admin = admin(PlainAcl.hook(PlainAcl.ADMIN));
        assertEquals(null, AclOutcome.of(() -> admin.createAndUpdateTopicConfig(brokerAddr,
            new TopicConfig("byAdmin", 1, 1, 6))));
        petrel.awaitRoute("byAdmin");
    }

    @Test
    void wrongSecretsUnknownKeysAndMissingKeysAreRefused() throws Exception {
        assertEquals("Check signature failed for accessKey=RocketMQ",
            send(producer(PlainAcl.hook(PlainAcl.USER, "wrongSecret")), "topicB"));
        assertEquals("No acl config for nobody99", send(producer(PlainAcl.hook("nobody99")), "topicB"));
        assertEquals("No accessKey is configured", send(producer(null), "topicB"));
    }

    @Test
    void aChangedRulesFileTakesEffectWhileClientsRun() throws Exception {
        DefaultMQProducer user = producer(PlainAcl.hook(PlainAcl.USER));
        DefaultMQProducer unsigned = producer(null);
        assertEquals("No default permission for topic:topicC", send(user, "topicC"));
        try {
            PlainAcl.writeRules(dir, PlainAcl.RULES.replace("topicC=SUB", "topicC=PUB"));
            Awaitility.await().atMost(WAIT).until(() -> send(user, "topicC") == null);

            // The loopback made globally white: requests without any keys go through.
            PlainAcl.writeRules(dir, PlainAcl.RULES.replace("  - 10.10.103.*", "  - 10.10.103.*\n  - 127.0.0.1"));
            Awaitility.await().atMost(WAIT).until(() -> send(unsigned, "topicA") == null);
            assertEquals(null, send(user, "topicC"), "a globally white host passes whatever the account");
        } finally {
            PlainAcl.writeRules(dir, PlainAcl.RULES);
            Awaitility.await().atMost(WAIT).until(() -> "No accessKey is configured".equals(send(unsigned,
                "topicA")));
        }
        assertEquals("No default permission for topic:topicC", send(user, "topicC"));
    }
}
