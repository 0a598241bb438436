package io.petrel.broker.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import io.petrel.broker.testing.TestBrokerConfig;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestManagers;
import io.petrel.broker.testing.TestStore;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.petrel.store.PutMessageResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SendBackProcessorTest {
    private static final String GROUP = "CG_BACK";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(1_800_000_000_000L);
    private final TestBrokerConfig config = new TestBrokerConfig("brokerIP1", "127.0.0.1");
    private final BrokerStats stats = new BrokerStats(config.get().getBrokerClusterName(), clock);
    private TestStore store;
    private TopicConfigManager topics;
    private SendBackProcessor processor;
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @BeforeEach
    void open() throws Exception {
        store = TestStore.open(dir.resolve("store"), clock);
        topics = TestManagers.topics(config, dir, clock);
        processor = new SendBackProcessor(config, topics, TestManagers.groups(config, dir, clock), store.store(),
            TestStore.BROKER, stats);
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
        store.close();
    }

    private PutMessageResult putOriginal(int reconsumeTimes) {
        MessageExt m = TestStore.message("T_ORIG", 1, "payload");
        m.setTags("TagB");
        m.setKeys("k3");
        m.putProperty(MessageProperties.UNIQ_KEY, "UNIQ-1");
        m.setReconsumeTimes(reconsumeTimes);
        m.setFlag(5);
        return store.put(m);
    }

    private RemotingCommand sendBack(long offset, int delayLevel, Integer maxReconsumeTimes) throws Exception {
        RemotingCommand request = TestStore.request(RequestCode.CONSUMER_SEND_MSG_BACK,
            new ConsumerSendMsgBackRequestHeader(offset, GROUP, delayLevel, "UNIQ-1", "T_ORIG", false,
                maxReconsumeTimes, "broker-a"), RemotingVersion.V4_9_7).opaque(42);
        RemotingCommand direct = processor.processRequest(channel, request);
        if (direct != null) {
            return direct;
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            channel.runPendingTasks();
            return !channel.outboundMessages().isEmpty();
        });
        RemotingCommand response = channel.readOutbound();
        assertEquals(42, response.opaque());
        return response;
    }

    @Test
    void aFailedMessageGoesToTheRetryTopicThroughTheScheduleQueue() throws Exception {
        PutMessageResult original = putOriginal(0);
        RemotingCommand response = sendBack(original.wroteOffset(), 0, 16);
        assertEquals(ResponseCode.SUCCESS, response.code(), response.remark());
        store.awaitDispatched();

        TopicConfig retry = topics.select("%RETRY%" + GROUP);
        assertNotNull(retry);
        assertEquals(1, retry.writeQueueNums());
        assertEquals(6, retry.perm());
        List<MessageExt> parked = store.read(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, 2);
        assertEquals(1, parked.size(), "level 3 + reconsumeTimes 0 = queue 2");
        MessageExt copy = parked.get(0);
        assertEquals("payload", new String(copy.getBody(), StandardCharsets.UTF_8));
        assertEquals(1, copy.getReconsumeTimes());
        assertEquals(5, copy.getFlag());
        assertEquals(1_700_000_000_000L, copy.getBornTimestamp());
        assertEquals("%RETRY%" + GROUP, copy.getProperty(MessageProperties.REAL_TOPIC));
        assertEquals("0", copy.getProperty(MessageProperties.REAL_QID));
        assertEquals("T_ORIG", copy.getProperty(MessageProperties.RETRY_TOPIC));
        assertEquals(original.msgId(), copy.getProperty(MessageProperties.ORIGIN_MESSAGE_ID));
        assertEquals("false", copy.getProperty(MessageProperties.WAIT));
        assertEquals("3", copy.getProperty(MessageProperties.DELAY));
        assertEquals("UNIQ-1", copy.getProperty(MessageProperties.UNIQ_KEY));
        assertEquals("TagB", copy.getTags());
        assertEquals(java.util.Set.of("REAL_TOPIC", "ORIGIN_MESSAGE_ID", "RETRY_TOPIC", "KEYS", "UNIQ_KEY", "WAIT",
            "DELAY", "TAGS", "REAL_QID"), copy.getProperties().keySet(), "the properties a 4.9.7 retry copy has");
        assertEquals(1, stats.find(BrokerStats.SNDBCK_PUT_NUMS, "T_ORIG@" + GROUP).value());
        assertEquals(1, stats.find(BrokerStats.QUEUE_PUT_NUMS, TopicValidator.RMQ_SYS_SCHEDULE_TOPIC + "@2").value());
    }

    @Test
    void anExplicitLevelIsUsedAndAnExistingOriginIdKept() throws Exception {
        MessageExt m = TestStore.message("%RETRY%" + GROUP, 0, "again");
        m.putProperty(MessageProperties.RETRY_TOPIC, "T_FIRST");
        m.putProperty(MessageProperties.ORIGIN_MESSAGE_ID, "ORIGIN-0");
        m.setReconsumeTimes(1);
        PutMessageResult r = store.put(m);
        assertEquals(ResponseCode.SUCCESS, sendBack(r.wroteOffset(), 1, 16).code());
        store.awaitDispatched();
        MessageExt copy = store.read(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, 0).get(0);
        assertEquals("T_FIRST", copy.getProperty(MessageProperties.RETRY_TOPIC));
        assertEquals("ORIGIN-0", copy.getProperty(MessageProperties.ORIGIN_MESSAGE_ID));
        assertEquals(2, copy.getReconsumeTimes());
    }

    @Test
    void pastTheRetryBudgetTheMessageGoesToTheDeadLetterQueue() throws Exception {
        PutMessageResult original = putOriginal(2);
        assertEquals(ResponseCode.SUCCESS, sendBack(original.wroteOffset(), 0, 2).code());
        store.awaitDispatched();
        TopicConfig dlq = topics.select("%DLQ%" + GROUP);
        assertNotNull(dlq);
        assertEquals(6, dlq.perm());
        List<MessageExt> dead = store.read("%DLQ%" + GROUP, 0);
        assertEquals(1, dead.size());
        assertEquals(3, dead.get(0).getReconsumeTimes());
        assertEquals("0", dead.get(0).getProperty(MessageProperties.DELAY));
        assertEquals(original.msgId(), dead.get(0).getProperty(MessageProperties.ORIGIN_MESSAGE_ID));
        assertEquals(0, store.read(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, 5).size());
    }

    @Test
    void aNegativeLevelSendsStraightToTheDeadLetterQueue() throws Exception {
        PutMessageResult original = putOriginal(0);
        assertEquals(ResponseCode.SUCCESS, sendBack(original.wroteOffset(), -1, 16).code());
        store.awaitDispatched();
        assertEquals(1, store.read("%DLQ%" + GROUP, 0).size());
        assertEquals(0, topics.select("%DLQ%" + GROUP).topicSysFlag(), "not a unit-mode consumer");
    }

    @Test
    void oldClientsGetTheGroupRetryLimit() throws Exception {
        PutMessageResult original = putOriginal(15);
        RemotingCommand request = TestStore.request(RequestCode.CONSUMER_SEND_MSG_BACK,
            new ConsumerSendMsgBackRequestHeader(original.wroteOffset(), GROUP, 0, null, null, null, 0, null),
            RemotingVersion.V3_4_9 - 1);
        assertNull(processor.processRequest(channel, request));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            channel.runPendingTasks();
            return !channel.outboundMessages().isEmpty();
        });
        store.awaitDispatched();
        assertEquals(0, store.read("%DLQ%" + GROUP, 0).size(), "15 < retryMaxTimes 16: retried, not dead");
        assertEquals(1, store.read(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, 17).size(), "level 18");
    }

    @Test
    void unitModeConsumersGetRetryTopicsMarkedAsUnitSubscriptions() throws Exception {
        PutMessageResult original = putOriginal(0);
        RemotingCommand request = TestStore.request(RequestCode.CONSUMER_SEND_MSG_BACK,
            new ConsumerSendMsgBackRequestHeader(original.wroteOffset(), GROUP, 0, null, null, true, 16, null),
            RemotingVersion.V4_9_7);
        assertNull(processor.processRequest(channel, request));
        assertEquals(2, topics.select("%RETRY%" + GROUP).topicSysFlag());
    }

    @Test
    void anUnknownOffsetIsASystemError() throws Exception {
        putOriginal(0);
        RemotingCommand response = sendBack(999_999, 0, 16);
        assertEquals(ResponseCode.SYSTEM_ERROR, response.code());
        assertEquals("look message by offset failed, 999999", response.remark());
    }

    @Test
    void anUnknownGroupIsRefusedWhenGroupsAreNotCreatedOnDemand() throws Exception {
        config.set("autoCreateSubscriptionGroup", "false");
        PutMessageResult original = putOriginal(0);
        RemotingCommand response = sendBack(original.wroteOffset(), 0, 16);
        assertEquals(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, response.code());
        assertTrue(response.remark().startsWith("subscription group not exist, " + GROUP));
    }

    @Test
    void aReadOnlyBrokerRefuses() throws Exception {
        config.set("brokerPermission", "4");
        RemotingCommand response = sendBack(0, 0, 16);
        assertEquals(ResponseCode.NO_PERMISSION, response.code());
    }
}
