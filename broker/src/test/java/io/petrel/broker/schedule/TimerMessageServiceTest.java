package io.petrel.broker.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.send.MessageRewrites;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestStore;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timer messages parked by the send path's rewrite and delivered by {@link TimerMessageService} at their time, in
 * time order, once each across a restart, and with the watermark moved on by parking a far message again.
 */
class TimerMessageServiceTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final long MAX_DELAY_MS = 3 * 24 * 3600 * 1000L;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private TestStore store;

    @BeforeEach
    void open() throws Exception {
        store = TestStore.open(dir.resolve("store"), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private TimerMessageService service(int maxDeliveredAboveWatermark) {
        TimerMessageService s = new TimerMessageService(store.store(), clock,
            new JsonConfigFile(dir.resolve("timerDelivery.json")), maxDeliveredAboveWatermark);
        s.load();
        return s;
    }

    private static MessageExt timer(String body, String property, long value) {
        MessageExt m = TestStore.message("T", 1, body);
        m.putProperty(property, Long.toString(value));
        return m;
    }

    /** Parks {@code body} for delivery at {@code deliverMs} as the send path does. */
    private void park(String body, long deliverMs) {
        park(body, deliverMs, null, null);
    }

    /**
     * Parks {@code body} as the send path does, with unique key {@code key} when not null, and as a cancellation of
     * {@code cancels} when not null.
     */
    private void park(String body, long deliverMs, String key, String cancels) {
        MessageExt m = timer(body, MessageProperties.TIMER_DELIVER_MS, deliverMs);
        if (key != null) {
            m.putProperty(MessageProperties.UNIQ_KEY, key);
        }
        if (cancels != null) {
            m.putProperty(MessageProperties.TIMER_DEL_UNIQKEY, cancels);
        }
        assertNull(MessageRewrites.toTimerMessage(m, clock.millis(), MAX_DELAY_MS, 1000));
        assertEquals(TimerMessageService.TIMER_TOPIC, m.getTopic());
        assertTrue(store.put(m).isOk());
        store.awaitDispatched();
    }

    private List<String> delivered() {
        store.awaitDispatched();
        return store.read("T", 1).stream().map(m -> new String(m.getBody(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aTimerMessageIsDeliveredToItsTopicAndQueueOnceItsTimeHasCome() {
        TimerMessageService timers = service(1000);
        park("a", T0 + 5_500);
        assertEquals(0, timers.doWork());
        clock.advance(4_999);
        assertEquals(0, timers.doWork());
        clock.advance(1);
        assertEquals(1, timers.doWork(), "due at the precision step below the asked time, as 5.3 parks it");
        assertEquals(List.of("a"), delivered());
        MessageExt m = store.read("T", 1).get(0);
        assertEquals("T", m.getProperty(MessageProperties.REAL_TOPIC), "kept, as 5.3.1 keeps it");
        assertEquals("1", m.getProperty(MessageProperties.REAL_QID));
        assertEquals(Long.toString(T0 + 5_000), m.getProperty(MessageProperties.TIMER_OUT_MS));
        assertEquals(Long.toString(T0 + 5_000), m.getProperty(MessageProperties.TIMER_DEQUEUE_MS));
        assertEquals(Long.toString(T0), m.getProperty(MessageProperties.TIMER_ENQUEUE_MS));
        clock.advance(60_000);
        assertEquals(0, timers.doWork(), "once");
    }

    /** What the send path's flow control reads: records in the index per delivery time, cancellations too. */
    @Test
    void parkedAtCountsTheRecordsIndexedForEachTime() {
        TimerMessageService timers = service(1000);
        park("a", T0 + 5_500, "KA", null);
        park("b", T0 + 5_500);
        park("cancel-a", T0 + 5_500, null, "KA");
        park("c", T0 + 8_500);
        assertEquals(0, timers.parkedAt(T0 + 5_000), "not read into the index yet");
        assertEquals(0, timers.doWork());
        assertEquals(3, timers.parkedAt(T0 + 5_000));
        assertEquals(1, timers.parkedAt(T0 + 8_000));
        assertEquals(0, timers.parkedAt(T0 + 5_500), "times as the send path rounds them");
        clock.advance(5_000);
        assertEquals(1, timers.doWork());
        assertEquals(0, timers.parkedAt(T0 + 5_000), "delivered, dropped and done-with records leave the count");
        timers.persist();
        TimerMessageService again = service(1000);
        assertEquals(0, again.parkedAt(T0 + 8_000));
        again.doWork();
        assertEquals(1, again.parkedAt(T0 + 8_000), "rebuilt from the watermark after a restart");
        assertEquals(0, again.parkedAt(T0 + 5_000));
    }

    @Test
    void timerMessagesGoOutInTimeOrderNotInTheOrderTheyWereSent() {
        TimerMessageService timers = service(1000);
        park("late", T0 + 10_500);
        park("early", T0 + 2_500);
        clock.advance(2_000);
        assertEquals(1, timers.doWork());
        assertEquals(List.of("early"), delivered());
        clock.advance(8_000);
        assertEquals(1, timers.doWork());
        assertEquals(List.of("early", "late"), delivered());
    }

    @Test
    void aRestartDeliversWhatIsLeftAndNothingTwice() {
        TimerMessageService timers = service(1000);
        park("b", T0 + 10_500);
        park("a", T0 + 2_500);
        clock.advance(2_000);
        assertEquals(1, timers.doWork());
        timers.persist();

        TimerMessageService again = service(1000);
        clock.advance(1_000);
        assertEquals(0, again.doWork(), "a was delivered before the restart");
        assertEquals(1, again.pending());
        clock.advance(7_000);
        assertEquals(1, again.doWork());
        assertEquals(List.of("a", "b"), delivered());
    }

    @Test
    void aFarMessageHoldingTheWatermarkIsParkedAgainWhenDeliveriesPileUpAboveIt() {
        TimerMessageService timers = service(2);
        park("far", T0 + 3_600_500);
        for (String body : List.of("s1", "s2", "s3")) {
            park(body, T0 + 1_500);
        }
        clock.advance(1_000);
        assertEquals(3, timers.doWork());
        assertEquals(4, timers.watermark(), "past the three delivered and the first record of far");
        timers.persist();
        store.awaitDispatched(); // far's second record, appended by the roll, is in the queue

        TimerMessageService again = service(2);
        clock.advance(3_600_000);
        assertEquals(1, again.doWork(), "far, from its second record");
        assertEquals(List.of("s1", "s2", "s3", "far"), delivered());
        assertEquals("1", store.read("T", 1).get(3).getProperty(MessageProperties.TIMER_ROLL_TIMES));
    }

    @Test
    void aCancellationDropsTheMessageItNamesAtItsTimeAndIsNeverDeliveredItself() {
        TimerMessageService timers = service(1000);
        park("cancel-first", T0 + 5_500, "C1", "K1");
        park("victim", T0 + 5_500, "K1", null);
        park("keep", T0 + 5_500, "K2", null);
        park("victim-2", T0 + 5_500, "K3", null);
        park("cancel-after", T0 + 5_500, "C2", "K3");
        park("same-key-other-time", T0 + 8_500, "K1", null);
        assertEquals(0, timers.doWork());
        assertEquals(4, timers.figures().parked(), "cancellations are not counted as parked messages");
        clock.advance(5_000);
        assertEquals(1, timers.doWork(), "only keep goes out at its time, whichever was parked first");
        assertEquals(List.of("keep"), delivered());
        assertEquals(1, timers.pending());
        timers.persist();

        TimerMessageService again = service(1000);
        clock.advance(3_000);
        assertEquals(1, again.doWork(), "a cancellation holds at its own time only");
        assertEquals(List.of("keep", "same-key-other-time"), delivered());
        assertEquals(0, again.pending());
    }

    @Test
    void aCancellationParkedAgainStillCancelsOnceAndIsCountedOnce() {
        TimerMessageService timers = service(2);
        park("cancel", T0 + 60_500, "C1", "K1");
        park("victim", T0 + 60_500, "K1", null);
        park("s1", T0 + 1_500);
        park("s2", T0 + 1_500);
        park("s3", T0 + 1_500);
        clock.advance(1_000);
        assertEquals(3, timers.doWork(), "the three delivered; cancellation and victim parked again");
        store.awaitDispatched();
        assertEquals(0, timers.doWork());
        assertEquals(2, timers.pending(), "both read again");
        assertEquals(1, timers.figures().parked(), "the rolled cancellation is not counted");
        clock.advance(59_000);
        timers.doWork();
        assertEquals(List.of("s1", "s2", "s3"), delivered(), "the victim stays cancelled by the rolled record");
        assertEquals(0, timers.pending());
        assertEquals(0, timers.figures().parked());
    }

    @Test
    void theRuntimeFiguresOf53() {
        TimerMessageService timers = service(1000);
        park("a", T0 + 2_500);
        park("b", T0 + 2_500);
        park("c", T0 + 60_500);
        assertEquals(new TimerMessageService.Figures(0, 3, 0, 0f, 0f), timers.figures(),
            "three parked records not read yet");
        timers.doWork();
        assertEquals(new TimerMessageService.Figures(0, 0, 3, 0f, 0f), timers.figures());
        clock.advance(5_000);
        assertEquals(3, timers.figures().readBehindSeconds(), "two due since T0 + 2 s, no pass since");
        timers.doWork();
        assertEquals(new TimerMessageService.Figures(0, 0, 1, 0f, 0f), timers.figures());
        clock.advance(5_000);
        timers.doWork();
        assertEquals(new TimerMessageService.Figures(0, 0, 1, 0.3f, 0.2f), timers.figures(),
            "over the 10 s since the first pass: 3 parked, 2 delivered");
        clock.advance(14_000);
        assertEquals(new TimerMessageService.Figures(0, 0, 1, 0f, 0f), timers.figures(),
            "rates older than 13 s read as 0, as 5.3's do");
    }

    @Test
    void theSendPathRewriteFollows53() {
        MessageExt due = timer("now", MessageProperties.TIMER_DELAY_MS, 0);
        assertNull(MessageRewrites.toTimerMessage(due, T0, MAX_DELAY_MS, 1000));
        assertEquals("T", due.getTopic(), "already due: stored as sent");

        MessageExt bySeconds = timer("s", MessageProperties.TIMER_DELAY_SEC, 3);
        assertNull(MessageRewrites.toTimerMessage(bySeconds, T0 + 200, MAX_DELAY_MS, 1000));
        assertEquals(Long.toString(T0 + 3_000), bySeconds.getProperty(MessageProperties.TIMER_OUT_MS));
        assertEquals("T", bySeconds.getProperty(MessageProperties.REAL_TOPIC));
        assertEquals("1", bySeconds.getProperty(MessageProperties.REAL_QID));
        assertEquals(0, bySeconds.getQueueId());

        MessageExt tooFar = timer("far", MessageProperties.TIMER_DELAY_SEC, 3 * 24 * 3600 + 1);
        assertTrue(MessageRewrites.toTimerMessage(tooFar, T0, MAX_DELAY_MS, 1000)
            .startsWith("timer message illegal, the delay time should not be bigger than the max delay 259200000ms"));
        MessageExt unreadable = TestStore.message("T", 1, "x");
        unreadable.putProperty(MessageProperties.TIMER_DELIVER_MS, "soon");
        assertTrue(MessageRewrites.toTimerMessage(unreadable, T0, MAX_DELAY_MS, 1000).startsWith("timer message"));

        MessageExt withLevel = timer("level", MessageProperties.TIMER_DELAY_SEC, 30);
        withLevel.putProperty(MessageProperties.DELAY, "3");
        assertNull(MessageRewrites.toTimerMessage(withLevel, T0, MAX_DELAY_MS, 1000));
        assertEquals("T", withLevel.getTopic(), "a delay level wins; the timer properties go");
        assertNull(withLevel.getProperty(MessageProperties.TIMER_DELAY_SEC));

        MessageExt cancelLater = timer("cancel", MessageProperties.TIMER_DELAY_SEC, 5);
        cancelLater.putProperty(MessageProperties.TIMER_DEL_UNIQKEY, "K");
        assertNull(MessageRewrites.toTimerMessage(cancelLater, T0, MAX_DELAY_MS, 1000));
        assertEquals(TimerMessageService.TIMER_TOPIC, cancelLater.getTopic(), "a cancellation is parked");
        MessageExt cancelNow = timer("cancel", MessageProperties.TIMER_DELAY_MS, 0);
        cancelNow.putProperty(MessageProperties.TIMER_DEL_UNIQKEY, "K");
        assertTrue(MessageRewrites.toTimerMessage(cancelNow, T0, MAX_DELAY_MS, 1000).startsWith("timer message"),
            "one whose time has come is illegal, as in 5.3");
    }
}
