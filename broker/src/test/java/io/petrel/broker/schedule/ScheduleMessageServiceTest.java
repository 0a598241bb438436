package io.petrel.broker.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestStore;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.topic.TopicValidator;
import io.petrel.store.DelayLevels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ScheduleMessageServiceTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final String SCHEDULE = TopicValidator.RMQ_SYS_SCHEDULE_TOPIC;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private TestStore store;
    private DelayOffsetTable offsets;
    private final BrokerStats stats = new BrokerStats("DefaultCluster", clock);
    private ScheduleMessageService service;

    @BeforeEach
    void open() throws Exception {
        store = TestStore.open(dir.resolve("store"), clock);
        offsets = new DelayOffsetTable(new JsonConfigFile(dir.resolve("config/delayOffset.json")));
        offsets.load();
        service = newService(offsets);
    }

    private ScheduleMessageService newService(DelayOffsetTable table) {
        return new ScheduleMessageService(store.store(), DelayLevels.parse("1s 5s 10s"), table, clock, stats);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void putDelayed(String topic, int queueId, String body, int level) {
        MessageExt m = TestStore.message(topic, queueId, body);
        m.setTags("TagD");
        m.setDelayTimeLevel(level);
        m.setReconsumeTimes(2);
        m.setFlag(7);
        assertTrue(store.put(m).isOk());
    }

    @Test
    void passesEvery100MsWhileAMessageIsParkedAndAtTheShortestLevelWhileNoneIs() {
        assertEquals(1000, service.nextPassDelayMillis());
        putDelayed("T_DELAY", 0, "parked", 3);
        store.awaitDispatched();
        assertEquals(100, service.nextPassDelayMillis());
        clock.advance(10_000);
        assertEquals(1, service.doWork());
        assertEquals(1000, service.nextPassDelayMillis());

        // a level without delay: every 100 ms even with nothing parked
        ScheduleMessageService noDelayLevel = new ScheduleMessageService(store.store(), DelayLevels.parse("1s 0s 5s"),
            offsets, clock, stats);
        assertEquals(100, noDelayLevel.nextPassDelayMillis());
    }

    @Test
    void deliversOnlyOnceTheLevelDelayHasPassed() {
        putDelayed("T_DELAY", 3, "late", 2);
        assertEquals(1, store.read(SCHEDULE, 1).size());

        clock.advance(4999);
        assertEquals(0, service.doWork());
        assertEquals(0, store.read("T_DELAY", 3).size());
        assertEquals(0, offsets.get(2));

        clock.advance(1);
        assertEquals(1, service.doWork());
        store.awaitDispatched();
        List<MessageExt> delivered = store.read("T_DELAY", 3);
        assertEquals(1, delivered.size());
        MessageExt m = delivered.get(0);
        assertEquals("late", new String(m.getBody(), StandardCharsets.UTF_8));
        assertEquals(7, m.getFlag());
        assertEquals(2, m.getReconsumeTimes());
        assertEquals(1_700_000_000_000L, m.getBornTimestamp());
        assertEquals(TestStore.BORN, m.getBornHost());
        assertEquals(T0 + 5000, m.getStoreTimestamp());
        assertEquals("2", m.getProperty(MessageProperties.DELAY), "DELAY stays in the stored properties");
        assertEquals("T_DELAY", m.getProperty(MessageProperties.REAL_TOPIC));
        assertEquals("3", m.getProperty(MessageProperties.REAL_QID));
        assertEquals("TagD", m.getTags());
        assertEquals(1, offsets.get(2));
        assertEquals(1, stats.find(BrokerStats.TOPIC_PUT_NUMS, "T_DELAY").value(), "a put to the real topic");
        assertEquals(1, stats.find(BrokerStats.GROUP_GET_NUMS, SCHEDULE + "@SCHEDULE_CONSUMER").value(),
            "a get of the schedule topic by the schedule group");

        clock.advance(60_000);
        assertEquals(0, service.doWork(), "nothing is delivered twice");
    }

    @Test
    void deliversInQueueOrderAndStopsAtTheFirstMessageNotDue() {
        putDelayed("T_ORDER", 0, "a", 1);
        clock.advance(600);
        putDelayed("T_ORDER", 0, "b", 1);
        clock.advance(500);
        assertEquals(1, service.doWork());
        assertEquals(1, offsets.get(1));
        clock.advance(500);
        assertEquals(1, service.doWork());
        store.awaitDispatched();
        List<MessageExt> delivered = store.read("T_ORDER", 0);
        assertEquals(List.of("a", "b"), delivered.stream().map(m -> new String(m.getBody(),
            StandardCharsets.UTF_8)).toList());
    }

    @Test
    void progressIsPersistedAndResumedAfterARestart() throws Exception {
        putDelayed("T_RESUME", 0, "first", 1);
        clock.advance(1000);
        assertEquals(1, service.doWork());
        putDelayed("T_RESUME", 0, "second", 1);
        offsets.persist();
        String json = Files.readString(dir.resolve("config/delayOffset.json")).replaceAll("\\s", "");
        assertEquals("{\"offsetTable\":{1:1}}", json);

        DelayOffsetTable reloaded = new DelayOffsetTable(new JsonConfigFile(dir.resolve("config/delayOffset.json")));
        reloaded.load();
        assertEquals(Map.of(1, 1L), reloaded.snapshot());
        ScheduleMessageService restarted = newService(reloaded);
        clock.advance(1000);
        assertEquals(1, restarted.doWork());
        store.awaitDispatched();
        assertEquals(List.of("first", "second"), store.read("T_RESUME", 0).stream()
            .map(m -> new String(m.getBody(), StandardCharsets.UTF_8)).toList());
    }

    @Test
    void aDeliverTimeFurtherAheadThanOneLevelDelayIsTreatedAsDue() {
        putDelayed("T_CLOCK", 0, "x", 2);
        clock.set(T0 - 60_000);
        assertEquals(1, service.doWork());
    }

    @Test
    void delayedHalfMessagesAreDiscarded() {
        putDelayed(TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC, 0, "half", 1);
        clock.advance(1000);
        assertEquals(1, service.doWork(), "handled: moved past without a copy");
        assertEquals(1, offsets.get(1));
        store.awaitDispatched();
        assertEquals(0, store.read(TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC, 0).size());
    }
}
