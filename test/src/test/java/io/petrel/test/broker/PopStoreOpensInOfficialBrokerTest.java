package io.petrel.test.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.namesrv.PetrelNamesrv;
import io.petrel.test.official.ClosingTest;
import io.petrel.test.official.OfficialBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A store Petrel wrote while serving 5.x Pop (check points and acks in the revive topic, messages revived into the
 * pop retry topic, an orderly batch) and a 5.x timer message opens in an official RocketMQ 4.9.7 broker, which serves
 * the topic's messages and the revived copies as ordinary messages.
 */
@Timeout(180)
class PopStoreOpensInOfficialBrokerTest extends ClosingTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "T_POP_STORE";
    private static final String GROUP = "CG_POP_STORE";
    private static final int POP_MESSAGE = 200050;


    /** A POP_MESSAGE of the 5.x client, sent raw: {@code maxMsgNums} of queue 0 hidden for {@code invisibleMs}. */
    private static RemotingCommand pop(NettyRemotingClient client, String addr, int max, long invisibleMs,
                                       boolean order) throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(POP_MESSAGE, null);
        Map.of("consumerGroup", GROUP, "topic", TOPIC, "queueId", "0", "maxMsgNums", Integer.toString(max),
            "invisibleTime", Long.toString(invisibleMs), "pollTime", "0", "bornTime",
            Long.toString(System.currentTimeMillis()), "initMode", "0", "order", Boolean.toString(order))
            .forEach(request::addExtField);
        RemotingCommand r = client.invokeSync(addr, request, 5_000);
        assertEquals(0, r.getCode(), r.getRemark());
        return r;
    }

    private static List<String> bodies(DefaultMQPullConsumer c, MessageQueue q) throws Exception {
        List<String> out = new ArrayList<>();
        long offset = 0;
        while (true) {
            PullResult r = c.pull(q, "*", offset, 32);
            if (r.getPullStatus() != PullStatus.FOUND) {
                return out;
            }
            for (MessageExt m : r.getMsgFoundList()) {
                out.add(new String(m.getBody(), StandardCharsets.UTF_8));
            }
            offset = r.getNextBeginOffset();
        }
    }

    @Test
    void theOfficialBrokerServesAStorePetrelWroteWithPopsAndTimers() throws Exception {
        PetrelNamesrv ns = open.add(PetrelNamesrv.start(dir.resolve("namesrv")));
        Path home = dir.resolve("broker");
        Properties sameFiles = new Properties();
        sameFiles.setProperty("mappedFileSizeConsumeQueue", Integer.toString(30_000 * 20)); // the official's
        PetrelBroker petrel = PetrelBroker.start(home.resolve("store"), "broker-pop", ns.address(), sameFiles);
        String retryTopic;
        try {
            petrel.controller().topics().createIfAbsent(TOPIC, 1, 6, 0);
            Awaitility.await().atMost(WAIT).until(() -> ns.hasRoute(TOPIC));
            DefaultMQProducer producer = new DefaultMQProducer("PG_POP_STORE");
            producer.setNamesrvAddr(ns.address());
            producer.setInstanceName("p-" + System.nanoTime());
            producer.start();
            try {
                for (int i = 0; i < 6; i++) {
                    producer.send(new Message(TOPIC, "P", ("m-" + i).getBytes(StandardCharsets.UTF_8)),
                        new MessageQueue(TOPIC, "broker-pop", 0));
                }
                Message timer = new Message(TOPIC, "P", "timer".getBytes(StandardCharsets.UTF_8));
                timer.putUserProperty("TIMER_DELAY_SEC", "3600"); // what a 5.x producer's setDelayTimeSec sends
                producer.send(timer, new MessageQueue(TOPIC, "broker-pop", 0));
            } finally {
                producer.shutdown();
            }
            NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
            client.start();
            try {
                assertTrue(pop(client, petrel.address(), 2, 1_000, false).getBody().length > 0);
                assertTrue(pop(client, petrel.address(), 1, 60_000, true).getBody().length > 0);
            } finally {
                client.shutdown();
            }
            // the two not acked in time come back through the pop retry topic
            retryTopic = "%RETRY%" + GROUP + "_" + TOPIC;
            Awaitility.await().atMost(WAIT).until(() ->
                petrel.controller().store().getMaxOffsetInQueue(retryTopic, 0) == 2);
        } finally {
            petrel.close();
        }

        OfficialBroker official = open.add(OfficialBroker.start(home, "broker-pop", ns.address()));
        DefaultMQPullConsumer reader = new DefaultMQPullConsumer("CG_READ_" + System.nanoTime());
        reader.setNamesrvAddr(ns.address());
        reader.setInstanceName("r-" + System.nanoTime());
        reader.start();
        open.add(reader::shutdown);
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() ->
            reader.maxOffset(new MessageQueue(TOPIC, "broker-pop", 0)) == 6);
        assertEquals(List.of("m-0", "m-1", "m-2", "m-3", "m-4", "m-5"),
            bodies(reader, new MessageQueue(TOPIC, "broker-pop", 0)), "the timer message stays parked");
        assertEquals(List.of("m-0", "m-1"), bodies(reader, new MessageQueue(retryTopic, "broker-pop", 0)),
            "revived copies are ordinary messages to 4.9.7");
        assertTrue(official.output().contains("boot success"), official.output());
    }
}
