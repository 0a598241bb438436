package io.petrel.test5x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.broker.PetrelBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.PopResult;
import org.apache.rocketmq.client.consumer.PopStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.message.MessageQueueAssignment;
import org.apache.rocketmq.common.message.MessageRequestMode;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.protocol.filter.FilterAPI;
import org.apache.rocketmq.remoting.common.HeartbeatV2Result;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.header.NotificationRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.PollingInfoRequestHeader;
import org.apache.rocketmq.remoting.protocol.heartbeat.ConsumeType;
import org.apache.rocketmq.remoting.protocol.heartbeat.ConsumerData;
import org.apache.rocketmq.remoting.protocol.heartbeat.HeartbeatData;
import org.apache.rocketmq.remoting.protocol.heartbeat.SubscriptionData;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reference: an official RocketMQ 5.3.1 broker in a child JVM beside the Petrel broker, both registered with
 * the Petrel NameServer and holding the same topics; the 5.3.1 client and admin ask both the same things and must
 * get the same answers (topic config, lite pull with assign and seek, committed offsets, a reset of one queue, the
 * Pop assignment, orderly pops, a redelivery through the pop retry topic, a timer message).
 */
@Timeout(240)
class Official5SideBySideTest extends Client5Test {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PETREL = "petrel-a";
    private static final String OFFICIAL = "official-5";
    private static final List<String> BOTH = List.of(PETREL, OFFICIAL);
    private Official5Broker official;
    private final Map<String, String> addresses = new TreeMap<>();

    @Override
    Properties brokerProps() {
        return new Properties();
    }

    @BeforeAll
    void startOfficialBroker() throws Exception {
        official = Official5Broker.start(dir.resolve(OFFICIAL), PetrelBroker.CLUSTER, OFFICIAL, cluster.namesrvAddr());
        Awaitility.await().atMost(WAIT).until(() ->
            admin.examineBrokerClusterInfo().getBrokerAddrTable().containsKey(OFFICIAL));
        addresses.put(PETREL, cluster.broker().address());
        addresses.put(OFFICIAL, official.address());
    }

    @AfterAll
    void stopOfficialBroker() {
        if (official != null) {
            official.close();
        }
    }

    /** Creates {@code topic} with {@code queues} queues on both brokers and waits until the route has both. */
    private void createOnBoth(String topic, int queues) throws Exception {
        for (String b : BOTH) {
            admin.createAndUpdateTopicConfig(addresses.get(b), new TopicConfig(topic, queues, queues, 6));
        }
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() ->
            admin.examineTopicRouteInfo(topic).getQueueDatas().size() == 2);
    }

    /** What each broker answers, by broker name. */
    private static <T> Map<String, T> ask(Function<String, T> question) {
        Map<String, T> answers = new TreeMap<>();
        for (String b : BOTH) {
            answers.put(b, question.apply(b));
        }
        return answers;
    }

    private static <T> void assertSameAnswers(Map<String, T> answers) {
        assertEquals(answers.get(OFFICIAL), answers.get(PETREL), "Petrel answers as the official 5.3.1 broker: "
            + answers);
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T unchecked(Call<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void topicConfigsAndAnUnknownTopicAreAnsweredAlike() throws Exception {
        createOnBoth("T5R_CFG", 3);
        assertSameAnswers(ask(b -> unchecked(() -> {
            TopicConfig c = admin.examineTopicConfig(addresses.get(b), "T5R_CFG");
            return c.getTopicName() + " read " + c.getReadQueueNums() + " write " + c.getWriteQueueNums() + " perm "
                + c.getPerm() + " filter " + c.getTopicFilterType() + " sysFlag " + c.getTopicSysFlag() + " order "
                + c.isOrder();
        })));
        assertSameAnswers(ask(b -> unchecked(() -> {
            try {
                admin.examineTopicConfig(addresses.get(b), "T5R_NO_SUCH_TOPIC");
                return "found";
            } catch (MQBrokerException e) {
                return "code " + e.getResponseCode();
            }
        })));
    }

    /**
     * 5.x {@code updateTopicList}, {@code updateSubGroupList} and {@code getConsumerConfig}: topics and groups
     * created by list, read back one by one, and an unknown group (the 5.3.1 admin turns the refusal into null),
     * answered alike.
     */
    @Test
    void topicAndGroupListsAndOneGroupsConfigAreAnsweredAlike() throws Exception {
        Map<String, List<String>> answers = ask(b -> unchecked(() -> {
            String addr = addresses.get(b);
            admin.createAndUpdateTopicConfigList(addr, List.of(new TopicConfig("T5R_LIST_A", 2, 2, 6),
                new TopicConfig("T5R_LIST_B", 3, 1, 4)));
            SubscriptionGroupConfig retrying = new SubscriptionGroupConfig();
            retrying.setGroupName("CG5R_LIST_1");
            retrying.setRetryMaxTimes(3);
            retrying.setRetryQueueNums(2);
            SubscriptionGroupConfig broadcast = new SubscriptionGroupConfig();
            broadcast.setGroupName("CG5R_LIST_2");
            broadcast.setConsumeBroadcastEnable(false);
            broadcast.setConsumeFromMinEnable(false);
            admin.createAndUpdateSubscriptionGroupConfigList(addr, List.of(retrying, broadcast));
            List<String> out = new ArrayList<>();
            for (String t : List.of("T5R_LIST_A", "T5R_LIST_B")) {
                TopicConfig c = admin.examineTopicConfig(addr, t);
                out.add(c.getTopicName() + " read " + c.getReadQueueNums() + " write " + c.getWriteQueueNums()
                    + " perm " + c.getPerm());
            }
            for (String g : List.of("CG5R_LIST_1", "CG5R_LIST_2")) {
                SubscriptionGroupConfig c = admin.examineSubscriptionGroupConfig(addr, g);
                out.add(c.getGroupName() + " consume " + c.isConsumeEnable() + " fromMin " + c.isConsumeFromMinEnable()
                    + " broadcast " + c.isConsumeBroadcastEnable() + " retryQueues " + c.getRetryQueueNums()
                    + " retryMax " + c.getRetryMaxTimes() + " brokerId " + c.getBrokerId() + " slow "
                    + c.getWhichBrokerWhenConsumeSlowly() + " notify " + c.isNotifyConsumerIdsChangedEnable());
            }
            try {
                SubscriptionGroupConfig none = admin.examineSubscriptionGroupConfig(addr, "CG5R_NO_SUCH_GROUP");
                out.add("unknown group " + (none == null ? "null" : none.getGroupName()));
            } catch (MQBrokerException e) {
                out.add("unknown group " + e.getResponseCode() + " " + e.getErrorMessage());
            }
            return out;
        }));
        assertSameAnswers(answers);
        assertEquals(List.of("T5R_LIST_A read 2 write 2 perm 6", "T5R_LIST_B read 3 write 1 perm 4",
            "CG5R_LIST_1 consume true fromMin true broadcast true retryQueues 2 retryMax 3 brokerId 0 slow 1 notify true",
            "CG5R_LIST_2 consume true fromMin false broadcast false retryQueues 1 retryMax 16 brokerId 0 slow 1 "
                + "notify true", "unknown group null"), answers.get(PETREL));
    }

    @Test
    void litePullCommittedOffsetsAndAResetOfOneQueueAlike() throws Exception {
        createOnBoth("T5R_LP", 2);
        for (String b : BOTH) {
            for (int i = 0; i < 5; i++) {
                producer.send(new Message("T5R_LP", "L", ("lp-" + i).getBytes(StandardCharsets.UTF_8)),
                    new MessageQueue("T5R_LP", b, 0));
            }
        }
        DefaultLitePullConsumer c = new DefaultLitePullConsumer("CG5R_LP");
        c.setNamesrvAddr(cluster.namesrvAddr());
        c.setInstanceName("lp-" + System.nanoTime());
        c.setAutoCommit(false);
        c.start();
        kit.track(c::shutdown);
        List<MessageQueue> queues = new ArrayList<>();
        BOTH.forEach(b -> queues.add(new MessageQueue("T5R_LP", b, 0)));
        c.assign(queues);
        for (MessageQueue q : queues) {
            c.seek(q, 0);
        }
        // a set per broker: a pull from the group's first offset racing the seek may hand messages out twice
        Map<String, Set<String>> bodies = new TreeMap<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            for (MessageExt m : c.poll(500)) {
                bodies.computeIfAbsent(m.getBrokerName(), k -> new TreeSet<>())
                    .add(new String(m.getBody(), StandardCharsets.UTF_8) + "@" + m.getQueueOffset());
            }
            return bodies.values().stream().mapToInt(Set::size).sum() == 10;
        });
        assertSameAnswers(bodies);
        c.commitSync();
        Function<String, String> consumerOffset = b -> unchecked(() -> {
            ConsumeStats stats = admin.examineConsumeStats(addresses.get(b), "CG5R_LP", "T5R_LP", 3000);
            return String.valueOf(stats.getOffsetTable().get(new MessageQueue("T5R_LP", b, 0)).getConsumerOffset());
        });
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> ask(consumerOffset).values().stream()
            .allMatch("5"::equals));
        MQClientAPIImpl api = kit.clientInstance("topics-of-group").getMQClientAPIImpl();
        Map<String, String> topicsOfGroup = ask(b -> unchecked(() -> {
            org.apache.rocketmq.remoting.protocol.body.TopicList l = api.queryTopicsByConsumer(addresses.get(b),
                "CG5R_LP", 3000);
            return new TreeSet<>(l.getTopicList()) + " at " + (addresses.get(b).equals(l.getBrokerAddr()));
        }));
        assertSameAnswers(topicsOfGroup);
        assertEquals("[T5R_LP] at true", topicsOfGroup.get(PETREL));
        for (String b : BOTH) {
            admin.resetOffsetByQueueId(addresses.get(b), "CG5R_LP", "T5R_LP", 0, 2);
        }
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> ask(consumerOffset).values().stream()
            .allMatch("2"::equals));
    }

    /**
     * Heartbeats of version 2 sent the way the 5.3.1 client sends them (fingerprint of the subscriptions, then the
     * short kind flagged {@code withoutSub}), a change of subscription, and one of version 1: each broker answers
     * the same, and holds the same subscription at the end.
     */
    @Test
    void heartbeatsOfVersion2AreAnsweredAlike() throws Exception {
        createOnBoth("T5R_HB", 1);
        MQClientInstance client = kit.clientInstance("heartbeat");
        MQClientAPIImpl api = client.getMQClientAPIImpl();
        Map<String, List<String>> answers = ask(b -> unchecked(() -> {
            String addr = addresses.get(b);
            List<String> steps = new ArrayList<>();
            Call<String> star = () -> beat(api, addr, heartbeat(client.getClientId(), "*", true, false));
            Call<String> tagA = () -> beat(api, addr, heartbeat(client.getClientId(), "A", true, false));
            steps.add("first " + star.call());
            steps.add("short " + beat(api, addr, heartbeat(client.getClientId(), "*", true, true)));
            steps.add("new subscription " + tagA.call());
            steps.add("again " + tagA.call());
            steps.add("version 1 " + beat(api, addr, heartbeat(client.getClientId(), "A", false, false)));
            steps.add("held " + admin.examineConsumerConnectionInfo("CG5R_HB", addr).getSubscriptionTable()
                .get("T5R_HB").getSubString());
            SubscriptionData sub = api.querySubscriptionByConsumer(addr, "CG5R_HB", "T5R_HB", 3000);
            steps.add("subscription " + sub.getTopic() + " " + sub.getSubString() + " " + sub.getExpressionType()
                + " " + sub.getTagsSet());
            steps.add("no subscription " + api.querySubscriptionByConsumer(addr, "CG5R_HB", "T5R_OTHER", 3000));
            return steps;
        }));
        assertSameAnswers(answers);
        assertEquals(List.of("first v2 true changed false", "short v2 true changed false",
            "new subscription v2 true changed true", "again v2 true changed false", "version 1 v2 true changed true",
            "held A", "subscription T5R_HB A TAG [A]", "no subscription null"), answers.get(PETREL));
    }

    private static HeartbeatData heartbeat(String clientId, String tags, boolean v2, boolean withoutSub)
        throws Exception {
        HeartbeatData hb = new HeartbeatData();
        hb.setClientID(clientId);
        ConsumerData c = new ConsumerData();
        c.setGroupName("CG5R_HB");
        c.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
        c.setMessageModel(MessageModel.CLUSTERING);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        c.getSubscriptionDataSet().add(FilterAPI.buildSubscriptionData("T5R_HB", tags));
        hb.getConsumerDataSet().add(c);
        if (v2) {
            hb.setHeartbeatFingerprint(hb.computeHeartbeatFingerprint());
        }
        hb.setWithoutSub(withoutSub); // the 5.3.1 client lists the subscriptions all the same
        return hb;
    }

    private static String beat(MQClientAPIImpl api, String addr, HeartbeatData hb) throws Exception {
        HeartbeatV2Result r = api.sendHeartbeatV2(addr, hb, 3000);
        return "v2 " + r.isSupportV2() + " changed " + r.isSubChange();
    }

    @Test
    void aPopGroupIsAssignedTheSameQueues() throws Exception {
        createOnBoth("T5R_POP", 2);
        for (String b : BOTH) {
            admin.setMessageRequestMode(addresses.get(b), "T5R_POP", "CG5R_POP", MessageRequestMode.POP, 0, 3000);
        }
        // a consumer of the group, so that both brokers know it
        DefaultMQPushConsumer member = new DefaultMQPushConsumer("CG5R_POP");
        member.setNamesrvAddr(cluster.namesrvAddr());
        member.setInstanceName("pop-member-" + System.nanoTime());
        member.setClientRebalance(false);
        member.subscribe("T5R_POP", "*");
        member.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently)
            (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        member.start();
        kit.track(member::shutdown);
        MQClientInstance client = kit.clientInstance("assignment");
        String memberId = member.getDefaultMQPushConsumerImpl().getmQClientFactory().getClientId();
        Function<String, Set<String>> assignment = b -> unchecked(() -> {
            Set<MessageQueueAssignment> got = client.getMQClientAPIImpl().queryAssignment(addresses.get(b),
                "T5R_POP", "CG5R_POP", memberId, "AVG", MessageModel.CLUSTERING, 3000);
            Set<String> out = new TreeSet<>();
            if (got != null) {
                got.forEach(a -> out.add(a.getMessageQueue().getBrokerName() + ":" + a.getMessageQueue().getQueueId()
                    + ":" + a.getMode()));
            }
            return out;
        });
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> ask(assignment).values().stream()
            .allMatch(s -> s.size() == 2));
        Map<String, Set<String>> answers = ask(assignment);
        assertSameAnswers(answers);
        assertTrue(answers.get(PETREL).contains(OFFICIAL + ":-1:POP"), "every broker of the route: " + answers);
    }

    /**
     * Orderly pops (as the 5.x proxy makes for FIFO groups) of one queue on each broker, the same steps: the first
     * batch blocks the queue; acking its second message alone does not free it; past the invisible time the batch
     * comes back whole, each message counted once more; acked, the queue hands out the next message. Each step's
     * answer (status, bodies, offsets, reconsume times, the receipt's revive queue) must be the same.
     */
    @Test
    void orderlyPopsBlockTheQueueAndCountRedeliveriesAlike() throws Exception {
        createOnBoth("T5R_ORD", 1);
        for (String b : BOTH) {
            for (int i = 0; i < 3; i++) {
                producer.send(new Message("T5R_ORD", "O", ("o-" + i).getBytes(StandardCharsets.UTF_8)),
                    new MessageQueue("T5R_ORD", b, 0));
            }
        }
        MQClientAPIImpl api = kit.clientInstance("orderly").getMQClientAPIImpl();
        Map<String, List<String>> answers = ask(b -> unchecked(() -> orderlySteps(api, b)));
        assertSameAnswers(answers);
        assertEquals(List.of(
            "first FOUND o-0@0 x0 rq=999 o-1@1 x0 rq=999",
            "blocked POLLING_NOT_FOUND",
            "ack o-1 OK",
            "still blocked POLLING_NOT_FOUND",
            "back FOUND o-0@0 x1 rq=999 o-1@1 x1 rq=999",
            "ack o-0 OK",
            "ack o-1 OK",
            "next FOUND o-2@2 x0 rq=999"), answers.get(PETREL));
    }

    private List<String> orderlySteps(MQClientAPIImpl api, String b) throws Exception {
        String addr = addresses.get(b);
        Call<PopResult> pop = () -> PopCalls.pop(api, b, addr, PopCalls.header("T5R_ORD", "CG5R_ORD", 0, 2, 3000, 0,
            true));
        List<String> steps = new ArrayList<>();
        PopResult first = pop.call();
        steps.add("first " + popped(first));
        steps.add("blocked " + popped(pop.call()));
        MessageExt second = first.getMsgFoundList().get(1);
        steps.add("ack o-1 " + PopCalls.ack(api, addr, "T5R_ORD", "CG5R_ORD", 0, second.getQueueOffset(),
            second.getProperty("POP_CK")).getStatus());
        steps.add("still blocked " + popped(pop.call()));
        PopResult back = popUntilFound(pop);
        steps.add("back " + popped(back));
        for (MessageExt m : back.getMsgFoundList()) {
            steps.add("ack " + text(m) + " " + PopCalls.ack(api, addr, "T5R_ORD", "CG5R_ORD", 0, m.getQueueOffset(),
                m.getProperty("POP_CK")).getStatus());
        }
        steps.add("next " + popped(pop.call()));
        return steps;
    }

    /** Pops until a message comes (back), polling every 200 ms. */
    private static PopResult popUntilFound(Call<PopResult> pop) {
        List<PopResult> found = new ArrayList<>();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            PopResult r = pop.call();
            return r.getPopStatus() == PopStatus.FOUND && found.add(r);
        });
        return found.get(0);
    }

    private static String text(MessageExt m) {
        return new String(m.getBody(), StandardCharsets.UTF_8);
    }

    /** A pop's status and, per message: body, queue offset, reconsume times and the revive queue of its receipt. */
    private static String popped(PopResult r) {
        StringBuilder sb = new StringBuilder(r.getPopStatus().name());
        if (r.getMsgFoundList() != null) {
            for (MessageExt m : r.getMsgFoundList()) {
                sb.append(' ').append(text(m)).append('@').append(m.getQueueOffset()).append(" x")
                    .append(m.getReconsumeTimes()).append(" rq=").append(m.getProperty("POP_CK").split(" ")[3]);
            }
        }
        return sb.toString();
    }

    /**
     * Pops (not orderly) of one queue on each broker: the message not acked comes back after its invisible time,
     * through the group's pop retry topic, counted once; the acked one does not. Each step's answer must be the same.
     */
    @Test
    void whatIsNotAckedComesBackOnceThroughTheRetryTopicAlike() throws Exception {
        createOnBoth("T5R_REV", 1);
        for (String b : BOTH) {
            for (int i = 0; i < 2; i++) {
                producer.send(new Message("T5R_REV", "R", ("r-" + i).getBytes(StandardCharsets.UTF_8)),
                    new MessageQueue("T5R_REV", b, 0));
            }
        }
        MQClientAPIImpl api = kit.clientInstance("revive").getMQClientAPIImpl();
        Map<String, List<String>> answers = ask(b -> unchecked(() -> reviveSteps(api, b)));
        assertSameAnswers(answers);
        assertEquals(List.of(
            "first FOUND r-0 x0 retry=0 r-1 x0 retry=0",
            "ack r-0 OK",
            "back FOUND r-1 x1 retry=1",
            "ack r-1 OK"), answers.get(PETREL));
    }

    private List<String> reviveSteps(MQClientAPIImpl api, String b) throws Exception {
        String addr = addresses.get(b);
        Call<PopResult> pop = () -> PopCalls.pop(api, b, addr, PopCalls.header("T5R_REV", "CG5R_REV", 0, 32, 2000, 0,
            false));
        List<String> steps = new ArrayList<>();
        PopResult first = pop.call();
        steps.add("first " + poppedWithRetryFlag(first));
        MessageExt acked = first.getMsgFoundList().get(0);
        steps.add("ack " + text(acked) + " " + PopCalls.ack(api, addr, "T5R_REV", "CG5R_REV", 0,
            acked.getQueueOffset(), acked.getProperty("POP_CK")).getStatus());
        PopResult back = popUntilFound(pop);
        steps.add("back " + poppedWithRetryFlag(back));
        for (MessageExt m : back.getMsgFoundList()) {
            String[] handle = m.getProperty("POP_CK").split(" ");
            // the receipt names the retry topic by its flag; the ack goes to that topic's queue
            String retryTopic = "%RETRY%CG5R_REV_T5R_REV";
            steps.add("ack " + text(m) + " " + PopCalls.ack(api, addr, "1".equals(handle[4]) ? retryTopic : "T5R_REV",
                "CG5R_REV", Integer.parseInt(handle[6]), m.getQueueOffset(), m.getProperty("POP_CK")).getStatus());
        }
        return steps;
    }

    /** A pop's status and, per message: body, reconsume times and the retry flag of its receipt. */
    private static String poppedWithRetryFlag(PopResult r) {
        StringBuilder sb = new StringBuilder(r.getPopStatus().name());
        if (r.getMsgFoundList() != null) {
            for (MessageExt m : r.getMsgFoundList()) {
                sb.append(' ').append(text(m)).append(" x").append(m.getReconsumeTimes()).append(" retry=")
                    .append(m.getProperty("POP_CK").split(" ")[4]);
            }
        }
        return sb.toString();
    }

    /**
     * A 5.x timer message ({@code setDelayTimeSec}) sent to queue 0 of each broker: accepted, held back, then
     * delivered to that queue with the same properties (5.3.1's copy keeps {@code REAL_TOPIC} and {@code REAL_QID}).
     */
    @Test
    void aTimerMessageIsHeldUntilItsTimeAndDeliveredAlike() throws Exception {
        createOnBoth("T5R_TIMER", 1);
        Map<String, String> answers = new TreeMap<>();
        Map<String, Long> sentAt = new TreeMap<>();
        for (String b : BOTH) {
            Message m = new Message("T5R_TIMER", "TM", ("timer-" + b).getBytes(StandardCharsets.UTF_8));
            m.setDelayTimeSec(3);
            sentAt.put(b, System.currentTimeMillis());
            answers.put(b, producer.send(m, new MessageQueue("T5R_TIMER", b, 0)).getSendStatus().name());
        }
        DefaultLitePullConsumer c = firstQueuesFromStart("CG5R_TIMER", "T5R_TIMER");
        Map<String, Long> heldMs = new TreeMap<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            for (MessageExt m : c.poll(200)) {
                String b = m.getBrokerName();
                heldMs.put(b, System.currentTimeMillis() - sentAt.get(b));
                Set<String> names = new TreeSet<>();
                m.getProperties().keySet().stream().filter(k -> k.startsWith("TIMER_") || k.startsWith("REAL_"))
                    .forEach(names::add);
                answers.merge(b, " " + new String(m.getBody(), StandardCharsets.UTF_8).replace(b, "b") + "@"
                    + m.getQueueId() + " " + names, String::concat);
            }
            return heldMs.size() == 2;
        });
        assertSameAnswers(answers);
        assertEquals("SEND_OK timer-b@0 [REAL_QID, REAL_TOPIC, TIMER_DELAY_SEC, TIMER_DEQUEUE_MS, TIMER_ENQUEUE_MS,"
            + " TIMER_OUT_MS]",
            answers.get(PETREL));
        assertTrue(heldMs.values().stream().allMatch(ms -> ms >= 1_500), "held back on both: " + heldMs);
    }

    /**
     * Classic retry and dead letters: a 5.3.1 push consumer answers RECONSUME_LATER (delay level 1, at most two
     * reconsumes) to one message on each broker. Each broker hands it out three times, counted, through the group's
     * retry topic, then stores it in the group's DLQ; what the consumer saw and the dead letter must be the same.
     */
    @Test
    void reconsumeLaterGoesThroughTheRetryTopicThenTheDeadLetterQueueAlike() throws Exception {
        createOnBoth("T5R_DLQ", 1);
        createOnBoth("%RETRY%CG5R_DLQ", 1); // as for a group that ran before: its first rebalance takes these queues
        Map<String, SendResult> sent = new TreeMap<>();
        for (String b : BOTH) {
            sent.put(b, producer.send(new Message("T5R_DLQ", "TagD", "key-" + b, ("d-" + b).getBytes(
                StandardCharsets.UTF_8)), new MessageQueue("T5R_DLQ", b, 0)));
        }
        Map<String, List<String>> seen = new java.util.concurrent.ConcurrentHashMap<>();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer("CG5R_DLQ");
        c.setNamesrvAddr(cluster.namesrvAddr());
        c.setInstanceName("dlq-" + System.nanoTime());
        c.setPollNameServerInterval(1000);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setMaxReconsumeTimes(2);
        c.subscribe("T5R_DLQ", "*");
        c.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently)
            (msgs, ctx) -> {
                for (MessageExt m : msgs) {
                    seen.computeIfAbsent(text(m).substring(2), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(m.getTopic() + " x" + m.getReconsumeTimes() + " retryTopic=" + m.getProperty(
                            MessageConst.PROPERTY_RETRY_TOPIC) + " sameId=" + m.getMsgId().equals(
                            sent.get(text(m).substring(2)).getMsgId()));
                }
                ctx.setDelayLevelWhenNextConsume(1);
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            });
        c.start();
        kit.track(c::shutdown);
        String dlq = "%DLQ%CG5R_DLQ";
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() ->
            admin.examineTopicRouteInfo(dlq).getQueueDatas().size() == 2);
        DefaultLitePullConsumer reader = firstQueuesFromStart("CG5R_DLQ_READER", dlq);
        Map<String, String> dead = new TreeMap<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            for (MessageExt m : reader.poll(200)) {
                String b = m.getBrokerName();
                Set<String> names = new TreeSet<>(m.getProperties().keySet());
                names.add(MessageConst.PROPERTY_WAIT_STORE_MSG_OK); // Petrel stores no WAIT=true
                dead.put(b, text(m).replace(b, "b") + "@" + m.getQueueId() + " " + m.getTopic() + " x"
                    + m.getReconsumeTimes() + " tags=" + m.getTags() + " keys=" + m.getKeys().replace(b, "b") + " retryTopic="
                    + m.getProperty(MessageConst.PROPERTY_RETRY_TOPIC) + " uniq=" + sent.get(b).getMsgId().equals(
                    m.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX)) + " origin="
                    + sent.get(b).getOffsetMsgId().equals(m.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID))
                    + " delay=" + m.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL) + " " + names);
            }
            return dead.size() == 2;
        });
        Map<String, List<String>> deliveries = new TreeMap<>();
        seen.forEach((b, list) -> deliveries.put(b, List.copyOf(list)));
        assertSameAnswers(deliveries);
        assertEquals(List.of("T5R_DLQ x0 retryTopic=null sameId=true", "T5R_DLQ x1 retryTopic=T5R_DLQ sameId=true",
            "T5R_DLQ x2 retryTopic=T5R_DLQ sameId=true"), deliveries.get(PETREL));
        assertSameAnswers(dead);
        assertTrue(dead.get(PETREL).startsWith("d-b@0 %DLQ%CG5R_DLQ x3 tags=TagD keys=key-b retryTopic=T5R_DLQ "
            + "uniq=true origin=true"), dead.get(PETREL));
    }

    /**
     * What a 5.3.1 producer's messages are stored with: a plain send, a send with a user property, and a batch of
     * two, read back by each broker's queue; every property's name and value (unique keys and the consumer's
     * offsets only by name) must be the same. Petrel leaves out {@code WAIT=true} (absent means true to every
     * client), so a missing {@code WAIT} reads as true here.
     */
    @Test
    void sentMessagesAreStoredWithTheSameProperties() throws Exception {
        createOnBoth("T5R_PROPS", 1);
        for (String b : BOTH) {
            MessageQueue q = new MessageQueue("T5R_PROPS", b, 0);
            producer.send(new Message("T5R_PROPS", "TagP", "key-p", "plain".getBytes(StandardCharsets.UTF_8)), q);
            Message user = new Message("T5R_PROPS", "user".getBytes(StandardCharsets.UTF_8));
            user.putUserProperty("color", "green");
            producer.send(user, q);
            producer.send(List.of(new Message("T5R_PROPS", "TagB", "batch-0".getBytes(StandardCharsets.UTF_8)),
                new Message("T5R_PROPS", "TagB", "batch-1".getBytes(StandardCharsets.UTF_8))), q);
        }
        // read with plain pulls from offset 0 of each broker's queue: no rebalance, seek or long polling in the way
        org.apache.rocketmq.client.consumer.DefaultMQPullConsumer reader =
            new org.apache.rocketmq.client.consumer.DefaultMQPullConsumer("CG5R_PROPS");
        reader.setNamesrvAddr(cluster.namesrvAddr());
        reader.setInstanceName("props-" + System.nanoTime());
        reader.start();
        kit.track(reader::shutdown);
        Map<String, List<String>> stored = new TreeMap<>();
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> {
            stored.clear();
            for (String b : BOTH) {
                org.apache.rocketmq.client.consumer.PullResult r = reader.pull(new MessageQueue("T5R_PROPS", b, 0),
                    "*", 0, 32);
                List<String> got = new ArrayList<>();
                if (r.getMsgFoundList() != null) {
                    for (MessageExt m : r.getMsgFoundList()) {
                        Map<String, String> props = new TreeMap<>(m.getProperties());
                        props.putIfAbsent(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, "true"); // Petrel stores no WAIT=true
                        for (String varying : List.of(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX,
                            MessageConst.PROPERTY_MIN_OFFSET, MessageConst.PROPERTY_MAX_OFFSET)) {
                            props.computeIfPresent(varying, (k, v) -> "*");
                        }
                        got.add(text(m) + "@" + m.getQueueOffset() + " sysFlag=" + m.getSysFlag() + " " + props);
                    }
                }
                stored.put(b, got);
            }
            return stored.values().stream().allMatch(l -> l.size() == 4);
        });
        assertSameAnswers(stored);
    }

    /**
     * NOTIFICATION and POLLING_INFO (5.x {@code MQClientAPIExt}): each broker answers the same steps. Nothing to pop;
     * a pop of another group waits and is counted; a notification waits too, and both are woken by one message;
     * the popping group then has nothing left, the other still has the message; an unknown topic is refused.
     */
    @Test
    void notificationsAndPollingInfoAreAnsweredAlike() throws Exception {
        createOnBoth("T5R_NOTE", 1);
        MQClientAPIImpl api = kit.clientInstance("notification").getMQClientAPIImpl();
        Map<String, List<String>> answers = ask(b -> unchecked(() -> {
            String addr = addresses.get(b);
            List<String> steps = new ArrayList<>();
            steps.add("nothing yet " + notification(api, addr, "T5R_NOTE", "CG5R_NOTE", 0));
            steps.add("no pop waits " + pollingInfo(api, addr, "CG5R_NOTE_POP"));
            java.util.concurrent.CompletableFuture<PopResult> pop = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> unchecked(() -> PopCalls.pop(api, b, addr, PopCalls.header("T5R_NOTE",
                    "CG5R_NOTE_POP", 0, 8, 60_000, 5_000, false))));
            Awaitility.await().atMost(WAIT).until(() -> pollingInfo(api, addr, "CG5R_NOTE_POP").endsWith("=1"));
            steps.add("a pop waits " + pollingInfo(api, addr, "CG5R_NOTE_POP"));
            java.util.concurrent.CompletableFuture<String> note = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> unchecked(() -> notification(api, addr, "T5R_NOTE", "CG5R_NOTE", 5_000)));
            long sentAt = System.currentTimeMillis();
            producer.send(new Message("T5R_NOTE", "N", "note".getBytes(StandardCharsets.UTF_8)),
                new MessageQueue("T5R_NOTE", b, 0));
            // the revive queue of the receipt depends on how many pops the broker served before: left out
            steps.add("pop woken " + popped(pop.get(10, java.util.concurrent.TimeUnit.SECONDS)).replaceAll(
                " rq=\\d+", ""));
            steps.add("notification woken " + note.get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(System.currentTimeMillis() - sentAt < 4_000, "woken by the message, not by the poll's end");
            steps.add("for the other group " + notification(api, addr, "T5R_NOTE", "CG5R_NOTE", 0));
            steps.add("for the popping group " + notification(api, addr, "T5R_NOTE", "CG5R_NOTE_POP", 0));
            steps.add("no pop waits " + pollingInfo(api, addr, "CG5R_NOTE_POP"));
            steps.add("unknown topic " + notification(api, addr, "T5R_NO_SUCH_TOPIC", "CG5R_NOTE", 0));
            return steps;
        }));
        assertSameAnswers(answers);
        assertEquals(List.of("nothing yet 0 hasMsg=false", "no pop waits 0 pollingNum=0",
            "a pop waits 0 pollingNum=1", "pop woken FOUND note@0 x0",
            "notification woken 0 hasMsg=true", "for the other group 0 hasMsg=true",
            "for the popping group 0 hasMsg=false", "no pop waits 0 pollingNum=0", "unknown topic 17 hasMsg=false"),
            answers.get(PETREL));
    }

    private static String notification(MQClientAPIImpl api, String addr, String topic, String group, long pollMs)
        throws Exception {
        NotificationRequestHeader h = new NotificationRequestHeader();
        h.setConsumerGroup(group);
        h.setTopic(topic);
        h.setQueueId(0);
        h.setPollTime(pollMs);
        h.setBornTime(System.currentTimeMillis());
        RemotingCommand r = api.getRemotingClient().invokeSync(addr,
            RemotingCommand.createRequestCommand(RequestCode.NOTIFICATION, h), pollMs + 5_000);
        return r.getCode() + " hasMsg=" + (r.getExtFields() == null ? null : r.getExtFields().get("hasMsg"));
    }

    private static String pollingInfo(MQClientAPIImpl api, String addr, String group) throws Exception {
        PollingInfoRequestHeader h = new PollingInfoRequestHeader();
        h.setConsumerGroup(group);
        h.setTopic("T5R_NOTE");
        h.setQueueId(0);
        RemotingCommand r = api.getRemotingClient().invokeSync(addr,
            RemotingCommand.createRequestCommand(RequestCode.POLLING_INFO, h), 5_000);
        return r.getCode() + " pollingNum=" + (r.getExtFields() == null ? null : r.getExtFields().get("pollingNum"));
    }

    /** A started lite pull consumer of {@code group} assigned queue 0 of {@code topic} on both brokers, at offset 0. */
    private DefaultLitePullConsumer firstQueuesFromStart(String group, String topic) throws Exception {
        DefaultLitePullConsumer c = new DefaultLitePullConsumer(group);
        c.setNamesrvAddr(cluster.namesrvAddr());
        c.setInstanceName(group + "-" + System.nanoTime());
        c.setAutoCommit(false);
        c.start();
        kit.track(c::shutdown);
        List<MessageQueue> queues = new ArrayList<>();
        BOTH.forEach(b -> queues.add(new MessageQueue(topic, b, 0)));
        c.assign(queues);
        for (MessageQueue q : queues) {
            c.seek(q, 0);
        }
        return c;
    }

    /**
     * 5.3's timer cancellation: a message with {@code TIMER_DEL_UNIQKEY} parked for the same time as the message
     * whose unique key it names stops that one; neither is delivered, the other message of that time is, and a
     * cancellation whose time has come is refused.
     */
    @Test
    void aTimerCancellationStopsTheMessageItNamesAlike() throws Exception {
        createOnBoth("T5R_TCANCEL", 1);
        Map<String, String> answers = new TreeMap<>();
        long at = System.currentTimeMillis() + 4_000;
        for (String b : BOTH) {
            MessageQueue q = new MessageQueue("T5R_TCANCEL", b, 0);
            StringBuilder sent = new StringBuilder();
            String victimId = null;
            for (String body : List.of("victim", "keep")) {
                Message m = new Message("T5R_TCANCEL", "TM", body.getBytes(StandardCharsets.UTF_8));
                m.setDeliverTimeMs(at);
                SendResult r = producer.send(m, q);
                victimId = victimId == null ? r.getMsgId() : victimId;
                sent.append(r.getSendStatus()).append(' ');
            }
            Message cancel = new Message("T5R_TCANCEL", "TM", "cancel".getBytes(StandardCharsets.UTF_8));
            cancel.setDeliverTimeMs(at);
            MessageAccessor.putProperty(cancel, MessageConst.PROPERTY_TIMER_DEL_UNIQKEY, victimId);
            sent.append(producer.send(cancel, q).getSendStatus()).append(' ');
            Message late = new Message("T5R_TCANCEL", "TM", "too-late".getBytes(StandardCharsets.UTF_8));
            late.setDeliverTimeMs(System.currentTimeMillis() - 1_000);
            MessageAccessor.putProperty(late, MessageConst.PROPERTY_TIMER_DEL_UNIQKEY, victimId);
            try {
                sent.append(producer.send(late, q).getSendStatus());
            } catch (MQBrokerException e) {
                sent.append(e.getResponseCode());
            }
            answers.put(b, sent.toString());
        }
        DefaultLitePullConsumer c = firstQueuesFromStart("CG5R_TCANCEL", "T5R_TCANCEL");
        Map<String, String> got = new TreeMap<>();
        Callable<Boolean> bothDelivered = () -> {
            for (MessageExt m : c.poll(200)) {
                got.merge(m.getBrokerName(), " " + new String(m.getBody(), StandardCharsets.UTF_8), String::concat);
            }
            return got.size() == 2;
        };
        Awaitility.await().atMost(WAIT).until(bothDelivered);
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
            .until(() -> bothDelivered.call() && got.values().stream().allMatch(" keep"::equals));
        got.forEach((b, bodies) -> answers.merge(b, bodies, String::concat));
        assertSameAnswers(answers);
        assertEquals("SEND_OK SEND_OK SEND_OK 13 keep", answers.get(PETREL));
    }
}
