package io.petrel.test5x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.AckStatus;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.PopResult;
import org.apache.rocketmq.client.consumer.PopStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageRequestMode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pop consumption with the official 5.3.1 remoting client: a push consumer with client rebalancing off, whose group
 * the 5.3.1 admin switched to POP on the topic, reads through POP_MESSAGE, acks, changes invisible times, and gets
 * back what it did not ack.
 */
@Timeout(240)
class PopAgainstPetrelTest extends Client5Test {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The shortest invisible time the 5.x client accepts. */
    private static final long INVISIBLE_MS = 5000;

    @Override
    Properties brokerProps() {
        return new Properties();
    }

    /** Sends {@code n} messages to a new topic and switches {@code group} to POP on it; returns the bodies. */
    private Set<String> topicWithMessages(String topic, String group, int n) throws Exception {
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < n; i++) {
            assertEquals(SendStatus.SEND_OK, producer.send(new Message(topic, "P",
                (topic + "-" + i).getBytes(StandardCharsets.UTF_8))).getSendStatus());
            sent.add(topic + "-" + i);
        }
        cluster.awaitRoute(topic);
        admin.setMessageRequestMode(brokerAddr(), topic, group, MessageRequestMode.POP, 0, 3000);
        return sent;
    }

    private DefaultMQPushConsumer popConsumer(String group, String topic, MessageListenerConcurrently listener)
        throws Exception {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(cluster.namesrvAddr());
        c.setInstanceName(group + "-" + System.nanoTime());
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setClientRebalance(false);
        c.setPopInvisibleTime(INVISIBLE_MS);
        c.subscribe(topic, "*");
        c.registerMessageListener(listener);
        kit.track(c::shutdown);
        return c;
    }

    private static String text(MessageExt m) {
        return new String(m.getBody(), StandardCharsets.UTF_8);
    }

    private static boolean popped(MessageExt m) {
        return m.getProperty("POP_CK") != null;
    }

    @Test
    void everyMessageIsConsumedOnceWhenAckedAndTwoConsumersShareTheLoad() throws Exception {
        Set<String> sent = topicWithMessages("TP_ONCE", "CGP_ONCE", 1);
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        List<Set<String>> by = List.of(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
        AtomicInteger notPopped = new AtomicInteger();
        for (Set<String> into : by) {
            DefaultMQPushConsumer c = popConsumer("CGP_ONCE", "TP_ONCE", (msgs, ctx) -> {
                for (MessageExt m : msgs) {
                    if (!popped(m)) {
                        notPopped.incrementAndGet();
                    }
                    into.add(text(m));
                    deliveries.computeIfAbsent(text(m), k -> new AtomicInteger()).incrementAndGet();
                    sleepQuietly(20); // some work per message, so that one consumer cannot take everything
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            c.setPopBatchNums(4);
            c.start();
        }
        Awaitility.await().atMost(WAIT).until(() -> admin.examineConsumerConnectionInfo("CGP_ONCE")
            .getConnectionSet().size() == 2 && deliveries.keySet().containsAll(sent));
        for (int i = 1; i < 80; i++) {
            producer.send(new Message("TP_ONCE", "P", ("TP_ONCE-" + i).getBytes(StandardCharsets.UTF_8)));
            sent.add("TP_ONCE-" + i);
        }
        Awaitility.await().atMost(WAIT).until(() -> deliveries.keySet().containsAll(sent));
        // Past an invisible time and a revive pass: nothing comes again.
        Awaitility.await().pollDelay(Duration.ofMillis(INVISIBLE_MS + 2500)).until(() -> true);
        assertEquals(sent, deliveries.keySet());
        assertTrue(deliveries.values().stream().allMatch(n -> n.get() == 1), deliveries.toString());
        assertEquals(0, notPopped.get(), "every message came through POP_MESSAGE");
        assertTrue(by.get(0).size() > 1 && by.get(1).size() > 1, "both consumers got messages: "
            + by.get(0).size() + " and " + by.get(1).size());
    }

    /** One POP_MESSAGE through the 5.3.1 client's own API: every message found, or none. */
    private static List<MessageExt> popOnce(MQClientAPIImpl api, String addr, String topic, String group)
        throws Exception {
        PopResult r = PopCalls.pop(api, "petrel-a", addr, PopCalls.header(topic, group, -1, 32, 2000, 500, false));
        return r.getPopStatus() == PopStatus.FOUND ? r.getMsgFoundList() : List.of();
    }

    @Test
    void aBatchAckFromTheClientSettlesWhatItNamesAndNothingElse() throws Exception {
        topicWithMessages("TP_BATCH", "CGP_BATCH", 6);
        MQClientInstance client = kit.clientInstance("batch-ack");
        MQClientAPIImpl api = client.getMQClientAPIImpl();
        String addr = brokerAddr();
        List<MessageExt> popped = new ArrayList<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            popped.addAll(popOnce(api, addr, "TP_BATCH", "CGP_BATCH"));
            return popped.size() == 6;
        });
        List<String> handles = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (MessageExt m : popped) {
            if (Integer.parseInt(text(m).substring(text(m).indexOf('-') + 1)) % 2 == 0) {
                handles.add(m.getProperty("POP_CK"));
            } else {
                kept.add(text(m));
            }
        }
        assertEquals(AckStatus.OK, PopCalls.batchAck(api, addr, "TP_BATCH", "CGP_BATCH", handles).getStatus());
        // past the invisible time the messages not acked come back, through the pop retry topic; the acked do not
        Set<String> back = new HashSet<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            popOnce(api, addr, "TP_BATCH", "CGP_BATCH").forEach(m -> back.add(text(m)));
            return back.containsAll(kept);
        });
        assertEquals(kept, back, "only what the batch ack left out came back");
        // one revive pass puts back every expired check point's unacked messages: the acked are not among them
        long revived = 0;
        for (int q = 0; q < 8; q++) {
            revived += cluster.broker().controller().store().getMaxOffsetInQueue("%RETRY%CGP_BATCH_TP_BATCH", q);
        }
        assertEquals(kept.size(), revived, "messages put back into the pop retry topic");
    }

    @Test
    void aChangedInvisibleTimeIsHonouredAndWhatIsNotAckedComesBack() throws Exception {
        topicWithMessages("TP_LATER", "CGP_LATER", 1);
        CountDownLatch release = new CountDownLatch(1);
        List<MessageExt> seen = new CopyOnWriteArrayList<>();
        List<Long> at = new CopyOnWriteArrayList<>();
        popConsumer("CGP_LATER", "TP_LATER", (msgs, ctx) -> {
            seen.addAll(msgs);
            at.add(System.currentTimeMillis());
            if (seen.size() == 1) {
                // CHANGE_MESSAGE_INVISIBLETIME to the client's first pop delay level, 10 s
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            if (seen.size() == 2) {
                // Held past the invisible time: not acked in time, so the broker puts it back.
                awaitQuietly(release);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        }).start();
        Awaitility.await().atMost(WAIT).until(() -> seen.size() >= 2);
        assertEquals(0, seen.get(0).getReconsumeTimes());
        assertEquals(1, seen.get(1).getReconsumeTimes(), "put back once");
        assertEquals(text(seen.get(0)), text(seen.get(1)));
        assertEquals("TP_LATER", seen.get(1).getTopic());
        long changed = at.get(1) - at.get(0);
        assertTrue(changed >= 9_800 && changed < 16_000, "the changed invisible time (10 s), not the pop's: "
            + changed);

        Awaitility.await().atMost(WAIT).until(() -> seen.size() >= 3);
        release.countDown();
        long held = at.get(2) - at.get(1);
        assertTrue(held >= INVISIBLE_MS - 200 && held < INVISIBLE_MS + 6000, "back after the invisible time: "
            + held);
        assertEquals(2, seen.get(2).getReconsumeTimes());
    }

    @Test
    void aPopNotAckedBeforeABrokerRestartComesBackAfterIt() throws Exception {
        topicWithMessages("TP_RESTART", "CGP_RESTART", 1);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<MessageExt> seen = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer c = popConsumer("CGP_RESTART", "TP_RESTART", (msgs, ctx) -> {
            seen.addAll(msgs);
            if (seen.size() == 1) {
                first.countDown();
                awaitQuietly(release);
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        assertTrue(first.await(60, TimeUnit.SECONDS));
        cluster.restartBroker();
        Awaitility.await().atMost(WAIT).until(() -> seen.size() >= 2);
        release.countDown();
        assertEquals(1, seen.get(1).getReconsumeTimes());
        assertEquals(text(seen.get(0)), text(seen.get(1)));
    }

    @Test
    void popAndClassicGroupsReadOneTopicSideBySide() throws Exception {
        Set<String> sent = topicWithMessages("TP_MIXED", "CGP_MIXED_POP", 20);
        Set<String> byPop = ConcurrentHashMap.newKeySet();
        Set<String> byClassic = ConcurrentHashMap.newKeySet();
        popConsumer("CGP_MIXED_POP", "TP_MIXED", (msgs, ctx) -> {
            msgs.forEach(m -> byPop.add(text(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        }).start();
        DefaultMQPushConsumer classic = new DefaultMQPushConsumer("CGP_MIXED_CLASSIC");
        classic.setNamesrvAddr(cluster.namesrvAddr());
        classic.setInstanceName("classic-" + System.nanoTime());
        classic.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        classic.subscribe("TP_MIXED", "*");
        classic.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> byClassic.add(text(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        classic.start();
        kit.track(classic::shutdown);
        Awaitility.await().atMost(WAIT).until(() -> byPop.containsAll(sent) && byClassic.containsAll(sent));
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
