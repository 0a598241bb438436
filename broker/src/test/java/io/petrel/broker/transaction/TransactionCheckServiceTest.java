package io.petrel.broker.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestBrokerConfig;
import io.petrel.broker.testing.TestStore;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.header.CheckTransactionStateRequestHeader;
import io.petrel.store.PutMessageResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class TransactionCheckServiceTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final String HALF = TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC;
    private static final String GROUP = TransactionRecords.CHECK_GROUP;

    /** A check request as sent, with the group it was meant for. */
    private record Sent(String group, RemotingCommand request) {
    }

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final BrokerStats stats = new BrokerStats("DefaultCluster", clock);
    private TestStore store;
    private ConsumerOffsetManager offsets;
    private TopicConfigManager topics;
    private TransactionCheckService service;

    @BeforeEach
    void open() throws Exception {
        store = TestStore.open(dir.resolve("store"), clock);
        TestBrokerConfig config = new TestBrokerConfig();
        topics = new TopicConfigManager(config, new JsonConfigFile(dir.resolve("topics.json")), clock);
        topics.load();
        offsets = new ConsumerOffsetManager(new JsonConfigFile(dir.resolve("consumerOffset.json")));
        service = new TransactionCheckService(store.store(), offsets, topics, (group, request) -> {
            sent.add(new Sent(group, request));
            return true;
        }, new TransactionCheckService.Limits(6000, 3, 72 * 3_600_000L), clock, stats);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFirstPassCreatesTheHalfTopic() {
        assertEquals(null, topics.select(HALF));
        assertEquals(0, service.doWork());
        assertEquals(1, topics.select(HALF).readQueueNums());
        assertEquals(6, topics.select(HALF).perm());
    }

    @Test
    void anOldOpenHalfIsRePutAndItsProducerAsked() throws Exception {
        PutMessageResult half = HalfMessages.putHalf(store, "T_TX", 3, "pending", T0);
        clock.advance(5999);
        assertEquals(0, service.doWork(), "younger than transactionTimeOut");
        assertEquals(0, sent.size());

        clock.advance(1);
        assertEquals(1, service.doWork());
        store.awaitDispatched();
        List<MessageExt> halves = store.read(HALF, 0);
        assertEquals(2, halves.size());
        MessageExt copy = halves.get(1);
        assertEquals("1", copy.getProperty(MessageProperties.TRANSACTION_CHECK_TIMES));
        assertEquals(1L, offsets.query(GROUP, HALF, 0));

        assertEquals(1, sent.size());
        assertEquals(HalfMessages.PRODUCER_GROUP, sent.get(0).group());
        RemotingCommand request = sent.get(0).request();
        assertEquals(RequestCode.CHECK_TRANSACTION_STATE, request.code());
        CheckTransactionStateRequestHeader h = (CheckTransactionStateRequestHeader) request.customHeader();
        assertEquals(1, h.tranStateTableOffset());
        assertEquals(copy.getCommitLogOffset(), h.commitLogOffset());
        assertEquals("UNIQ-pending", h.msgId());
        assertEquals("UNIQ-pending", h.transactionId());
        assertEquals(copy.getMsgId(), h.offsetMsgId());
        MessageExt body = StoredMessageCodec.decode(ByteBuffer.wrap(request.body()), true, true);
        assertEquals("T_TX", body.getTopic());
        assertEquals(3, body.getQueueId());
        assertEquals(copy.getCommitLogOffset(), body.getCommitLogOffset());
        assertEquals("pending", new String(body.getBody(), StandardCharsets.UTF_8));
        assertEquals(HalfMessages.PRODUCER_GROUP, body.getProperty(MessageProperties.PGROUP));
        assertEquals("1", body.getProperty(MessageProperties.TRANSACTION_CHECK_TIMES));
        assertEquals("false", body.getProperty(MessageProperties.WAIT));
        assertEquals(half.msgId(), halves.get(0).getMsgId());
        assertTrue(stats.find(BrokerStats.GROUP_GET_NUMS, HALF + "@" + GROUP).value() >= 1,
            "the check's reads count as its group's gets");
    }

    @Test
    void halvesWithAnOpRecordAreNotChecked() {
        PutMessageResult done = HalfMessages.putHalf(store, "T_TX", 0, "done", T0);
        HalfMessages.putHalf(store, "T_TX", 0, "open", T0);
        store.put(TransactionRecords.op(done.logicsOffset(), TestStore.BROKER, T0));
        clock.advance(10_000);
        assertEquals(1, service.doWork());
        assertEquals(1, sent.size());
        CheckTransactionStateRequestHeader h = (CheckTransactionStateRequestHeader) sent.get(0).request()
            .customHeader();
        assertEquals("UNIQ-open", h.msgId());
        assertEquals(2L, offsets.query(GROUP, HALF, 0));
        assertEquals(1L, offsets.query(GROUP, TopicValidator.RMQ_SYS_TRANS_OP_HALF_TOPIC, 0));
    }

    @Test
    void theProducersAnswerToACheckEndsTheChecks() {
        HalfMessages.putHalf(store, "T_TX", 0, "answered", T0);
        clock.advance(10_000);
        assertEquals(1, service.doWork());
        store.awaitDispatched();
        CheckTransactionStateRequestHeader h = (CheckTransactionStateRequestHeader) sent.get(0).request()
            .customHeader();
        store.put(TransactionRecords.op(h.tranStateTableOffset(), TestStore.BROKER, clock.millis()));
        clock.advance(10_000);
        assertEquals(0, service.doWork());
        assertEquals(2L, offsets.query(GROUP, HALF, 0));
    }

    @Test
    void afterTheLastCheckTheHalfMovesToTheCheckMaxTopic() {
        HalfMessages.putHalf(store, "T_TX", 0, "silent", T0);
        for (int i = 0; i < 3; i++) {
            clock.advance(10_000);
            assertEquals(1, service.doWork(), "check " + (i + 1));
            store.awaitDispatched();
        }
        clock.advance(10_000);
        assertEquals(0, service.doWork());
        store.awaitDispatched();
        List<MessageExt> parked = store.read(TopicValidator.RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC, 0);
        assertEquals(1, parked.size());
        assertEquals("3", parked.get(0).getProperty(MessageProperties.TRANSACTION_CHECK_TIMES));
        assertEquals(3, sent.size());
        clock.advance(10_000);
        assertEquals(0, service.doWork());
        assertEquals(3, sent.size());
    }
}
