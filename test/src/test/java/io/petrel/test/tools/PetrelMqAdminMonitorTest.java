package io.petrel.test.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.broker.PetrelCluster;
import io.petrel.test.official.OfficialBroker;
import io.petrel.test.official.OfficialNamesrv;
import io.petrel.tools.monitor.DefaultMonitorListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.topic.OffsetMovedEvent;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.apache.rocketmq.tools.monitor.DeleteMsgsEvent;
import org.apache.rocketmq.tools.monitor.FailedMsgs;
import org.apache.rocketmq.tools.monitor.UndoneMsgs;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The monitoring and trace commands against a Petrel cluster; also the monitor's report texts and the offset-moved
 * events an official broker publishes, which do not depend on the cluster under test.
 */
class PetrelMqAdminMonitorTest extends MqAdminMonitorScenarios {
    private PetrelCluster cluster;

    @Override
    void startServers(Path dir) throws Exception {
        Properties props = new Properties();
        props.setProperty("traceTopicEnable", "true");
        cluster = PetrelCluster.start(dir.resolve("petrel"), props);
    }

    @Override
    String namesrvAddr() {
        return cluster.namesrvAddr();
    }

    @Override
    String brokerAddr() {
        return cluster.broker().address();
    }

    @Override
    void stopServers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The monitor's reports print as 4.9.7's do. */
    @Test
    void monitorReportsReadAsTheOfficialOnes() {
        OffsetMovedEvent theirs = new OffsetMovedEvent();
        theirs.setConsumerGroup(GROUP);
        theirs.setMessageQueue(new MessageQueue(TOPIC, "petrel-a", 1));
        theirs.setOffsetRequest(9);
        theirs.setOffsetNew(3);
        io.petrel.tools.monitor.OffsetMovedEvent ours =
            io.petrel.tools.monitor.OffsetMovedEvent.decode(theirs.toJson().getBytes(StandardCharsets.UTF_8));
        assertEquals(theirs.toString(), ours.toString());
        DeleteMsgsEvent theirEvent = new DeleteMsgsEvent();
        theirEvent.setOffsetMovedEvent(theirs);
        theirEvent.setEventTimestamp(1_700_000_000_123L);
        assertEquals(theirEvent.toString(),
            new io.petrel.tools.monitor.DeleteMsgsEvent(ours, 1_700_000_000_123L).toString());
        UndoneMsgs theirUndone = new UndoneMsgs();
        theirUndone.setConsumerGroup(GROUP);
        theirUndone.setTopic(TOPIC);
        theirUndone.setUndoneMsgsTotal(5);
        theirUndone.setUndoneMsgsSingleMQ(3);
        theirUndone.setUndoneMsgsDelayTimeMills(1200);
        assertEquals(theirUndone.toString(),
            new io.petrel.tools.monitor.UndoneMsgs(GROUP, TOPIC, 5, 3, 1200).toString());
        FailedMsgs theirFailed = new FailedMsgs();
        theirFailed.setConsumerGroup(GROUP);
        theirFailed.setTopic(TOPIC);
        theirFailed.setFailedMsgsTotalRecently(4);
        assertEquals(theirFailed.toString(), new io.petrel.tools.monitor.FailedMsgs(GROUP, TOPIC, 4).toString());
    }

    /**
     * An official broker publishes an offset-moved event when a consumer asks for an offset past a queue's end: the
     * monitor passes it on as 4.9.7's does.
     */
    @Test
    void theMonitorPassesOnTheOffsetMovedEventsOfAnOfficialBroker() throws Exception {
        String topic = "MON_MOVED";
        String group = "CG_MON_MOVER";
        try (OfficialNamesrv ns = OfficialNamesrv.start(dir.resolve("official-namesrv"), List.of());
             OfficialBroker b = OfficialBroker.start(dir.resolve("official-broker"), "broker-a", ns.address())) {
            List<io.petrel.tools.monitor.DeleteMsgsEvent> events = new CopyOnWriteArrayList<>();
            io.petrel.tools.monitor.MonitorService monitor = new io.petrel.tools.monitor.MonitorService(ns.address(),
                io.petrel.tools.monitor.MonitorService.DEFAULT_ROUND_INTERVAL_MILLIS, new DefaultMonitorListener() {
                    @Override
                    public void reportDeleteMsgsEvent(io.petrel.tools.monitor.DeleteMsgsEvent event) {
                        super.reportDeleteMsgsEvent(event);
                        events.add(event);
                    }
                });
            DefaultMQProducer sender = new DefaultMQProducer("PG_MON_MOVER");
            sender.setNamesrvAddr(ns.address());
            sender.setInstanceName("mon-mover");
            org.apache.rocketmq.client.consumer.DefaultMQPullConsumer puller =
                new org.apache.rocketmq.client.consumer.DefaultMQPullConsumer(group);
            puller.setNamesrvAddr(ns.address());
            puller.setInstanceName("mon-mover");
            DefaultMQAdminExt officialAdmin = new DefaultMQAdminExt();
            officialAdmin.setNamesrvAddr(ns.address());
            officialAdmin.setInstanceName("mon-official-admin");
            try {
                officialAdmin.start();
                officialAdmin.createAndUpdateTopicConfig(b.address(),
                    new org.apache.rocketmq.common.TopicConfig(topic, 1, 1, 6));
                Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    !officialAdmin.examineTopicRouteInfo(topic).getQueueDatas().isEmpty());
                sender.start();
                sender.send(new Message(topic, "one".getBytes(StandardCharsets.UTF_8)));
                monitor.start();
                puller.start();
                // Offset 100 of a queue holding one message: the broker moves the puller and publishes the move.
                puller.pull(new MessageQueue(topic, "broker-a", 0), "*", 100, 1);
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !events.isEmpty());
            } finally {
                puller.shutdown();
                sender.shutdown();
                monitor.shutdown();
                officialAdmin.shutdown();
            }
            io.petrel.tools.monitor.OffsetMovedEvent moved = events.get(0).offsetMovedEvent();
            assertEquals(List.of(group, topic, "broker-a", 0, 100L), List.of(moved.consumerGroup(),
                moved.messageQueue().topic(), moved.messageQueue().brokerName(), moved.messageQueue().queueId(),
                moved.offsetRequest()));
            assertTrue(events.get(0).eventTimestamp() > 0, events.toString());
        }
    }
}
