package io.petrel.broker.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.broker.schedule.TimerMessageService;
import io.petrel.broker.send.TimerParking;
import io.petrel.broker.testing.TestBrokerConfig;
import io.petrel.broker.testing.TestManagers;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestStore;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageSysFlag;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.EndTransactionRequestHeader;
import io.petrel.store.BrokerRole;
import io.petrel.store.PutMessageResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class EndTransactionProcessorTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final String OP = TopicValidator.RMQ_SYS_TRANS_OP_HALF_TOPIC;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(NOW);
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private TestStore store;
    private final TestBrokerConfig config = new TestBrokerConfig();
    private TimerParking timers;
    private EndTransactionProcessor processor;

    @BeforeEach
    void open() throws Exception {
        store = TestStore.open(dir, clock);
        timers = new TimerParking(config, TestManagers.topics(config, dir, clock), clock, deliverMs -> 0);
        processor = new EndTransactionProcessor(BrokerRole.ASYNC_MASTER, store.store(), TestStore.BROKER,
            4 * 1024 * 1024, clock, timers);
        HalfMessages.putHalf(store, "T_OTHER", 0, "filler", NOW);
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
        store.close();
    }

    private RemotingCommand end(String group, long queueOffset, long commitLogOffset, int outcome) throws Exception {
        RemotingCommand request = TestStore.request(RequestCode.END_TRANSACTION, new EndTransactionRequestHeader(
            group, queueOffset, commitLogOffset, outcome, false, "UNIQ", null, "broker-a"), RemotingVersion.V4_9_7);
        return processor.processRequest(channel, request);
    }

    @Test
    void commitStoresTheRealMessageThenAnOpRecord() throws Exception {
        PutMessageResult half = HalfMessages.putHalf(store, "T_TX", 2, "order-1", NOW);
        assertEquals(1, half.logicsOffset());
        RemotingCommand r = end(HalfMessages.PRODUCER_GROUP, 1, half.wroteOffset(),
            MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertEquals(ResponseCode.SUCCESS, r.code(), r.remark());
        store.awaitDispatched();

        List<MessageExt> real = store.read("T_TX", 2);
        assertEquals(1, real.size());
        MessageExt m = real.get(0);
        assertEquals("order-1", new String(m.getBody(), StandardCharsets.UTF_8));
        assertEquals(MessageSysFlag.TRANSACTION_COMMIT_TYPE, MessageSysFlag.transactionType(m.getSysFlag()));
        assertEquals(half.wroteOffset(), m.getPreparedTransactionOffset());
        assertEquals("true", m.getProperty(MessageProperties.TRAN_MSG));
        assertEquals(HalfMessages.PRODUCER_GROUP, m.getProperty(MessageProperties.PGROUP));
        assertEquals("T_TX", m.getProperty(MessageProperties.REAL_TOPIC));
        assertEquals("TagT", m.getTags());

        List<MessageExt> ops = store.read(OP, 0);
        assertEquals(1, ops.size());
        assertEquals("1", new String(ops.get(0).getBody(), StandardCharsets.UTF_8));
        assertEquals("d", ops.get(0).getTags());
        assertEquals(TestStore.BROKER, ops.get(0).getBornHost());
        assertEquals(NOW, ops.get(0).getBornTimestamp());
        assertEquals(java.util.Map.of("TAGS", "d", "WAIT", "true"), ops.get(0).getProperties());
        assertEquals(java.util.Set.of("TRAN_MSG", "PGROUP", "UNIQ_KEY", "TAGS", "REAL_TOPIC", "REAL_QID"),
            m.getProperties().keySet(), "the committed copy keeps exactly the half's properties");
    }

    @Test
    void aCommittedTimerMessageIsParkedUntilItsTimeAsAt53() throws Exception {
        PutMessageResult half = HalfMessages.putHalf(store, "T_TX", 2, "timed", NOW,
            java.util.Map.of(MessageProperties.TIMER_DELAY_SEC, "30"));
        RemotingCommand r = end(HalfMessages.PRODUCER_GROUP, 1, half.wroteOffset(),
            MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertEquals(ResponseCode.SUCCESS, r.code(), r.remark());
        store.awaitDispatched();
        assertEquals(0, store.read("T_TX", 2).size(), "not in its topic before its time");
        List<MessageExt> parked = store.read(TimerMessageService.TIMER_TOPIC, 0);
        assertEquals(1, parked.size());
        assertEquals(Long.toString(NOW + 29_000), parked.get(0).getProperty(MessageProperties.TIMER_OUT_MS));
        assertEquals("T_TX", parked.get(0).getProperty(MessageProperties.REAL_TOPIC));
        assertEquals("2", parked.get(0).getProperty(MessageProperties.REAL_QID));
        assertEquals(1, store.read(OP, 0).size(), "the transaction is settled");

        PutMessageResult tooFar = HalfMessages.putHalf(store, "T_TX", 2, "too far", NOW,
            java.util.Map.of(MessageProperties.TIMER_DELAY_SEC, Long.toString(4 * 24 * 3600)));
        RemotingCommand refused = end(HalfMessages.PRODUCER_GROUP, 2, tooFar.wroteOffset(),
            MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertEquals(ResponseCode.MESSAGE_ILLEGAL, refused.code());
        store.awaitDispatched();
        assertEquals(1, store.read(OP, 0).size(), "a refused commit leaves the half open");
    }

    @Test
    void rollbackWritesOnlyTheOpRecord() throws Exception {
        PutMessageResult half = HalfMessages.putHalf(store, "T_TX", 0, "order-2", NOW);
        RemotingCommand r = end(HalfMessages.PRODUCER_GROUP, 1, half.wroteOffset(),
            MessageSysFlag.TRANSACTION_ROLLBACK_TYPE);
        assertEquals(ResponseCode.SUCCESS, r.code());
        store.awaitDispatched();
        assertEquals(0, store.read("T_TX", 0).size());
        assertEquals(1, store.read(OP, 0).size());
    }

    @Test
    void anUnknownOutcomeIsNotAnswered() throws Exception {
        PutMessageResult half = HalfMessages.putHalf(store, "T_TX", 0, "order-3", NOW);
        assertNull(end(HalfMessages.PRODUCER_GROUP, 1, half.wroteOffset(), MessageSysFlag.TRANSACTION_NOT_TYPE));
        store.awaitDispatched();
        assertEquals(0, store.read(OP, 0).size());
    }

    @Test
    void mismatchesAreRefusedWithTheirRemarks() throws Exception {
        PutMessageResult half = HalfMessages.putHalf(store, "T_TX", 0, "order-4", NOW);
        int commit = MessageSysFlag.TRANSACTION_COMMIT_TYPE;
        assertEquals("The producer group wrong", end("PG_OTHER", 1, half.wroteOffset(), commit).remark());
        assertEquals("The transaction state table offset wrong",
            end(HalfMessages.PRODUCER_GROUP, 7, half.wroteOffset(), commit).remark());
        RemotingCommand missing = end(HalfMessages.PRODUCER_GROUP, 1, half.wroteOffset() + 10_000, commit);
        assertEquals(ResponseCode.SYSTEM_ERROR, missing.code());
        assertEquals("Find prepared transaction message failed", missing.remark());
        store.awaitDispatched();
        assertEquals(0, store.read("T_TX", 0).size());
        assertEquals(0, store.read(OP, 0).size());
    }

    @Test
    void aSlaveRefuses() throws Exception {
        EndTransactionProcessor slave = new EndTransactionProcessor(BrokerRole.SLAVE, store.store(), TestStore.BROKER,
            4 * 1024 * 1024, clock, timers);
        RemotingCommand request = TestStore.request(RequestCode.END_TRANSACTION, new EndTransactionRequestHeader(
            HalfMessages.PRODUCER_GROUP, 0, 0, MessageSysFlag.TRANSACTION_COMMIT_TYPE, false, "UNIQ", null, null),
            RemotingVersion.V4_9_7);
        RemotingCommand response = slave.processRequest(channel, request);
        assertEquals(ResponseCode.SLAVE_NOT_AVAILABLE, response.code());
        assertEquals("Message store is slave mode, so end transaction is forbidden.", response.remark());
    }
}
