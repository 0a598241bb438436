package io.petrel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store's TPS figures over the last 10, 60 and 600 one-second samples, and the midnight totals. */
class StoreStatsTest {
    private static final long MIDNIGHT = 1_800_057_600_000L;
    private final MutableClock clock = new MutableClock(MIDNIGHT - 5_000);
    private long dispatchBehind;
    private final StoreStats stats = new StoreStats(() -> dispatchBehind);

    private void put(int messages) {
        put(messages, 0);
    }

    private void put(int messages, long millis) {
        stats.recordPut(new PutMessageResult(PutMessageStatus.PUT_OK, 0, 100 * messages, new long[messages], null,
            0, 0, null), millis * 1_000_000);
    }

    private void get(int messages) {
        GetMessageResult r = new GetMessageResult();
        if (messages > 0) {
            for (int i = 0; i < messages; i++) {
                r.add(new SelectedBuffer(i * 10L, java.nio.ByteBuffer.allocate(10), null), i);
            }
            r.set(GetMessageStatus.FOUND, messages, 0, messages);
        }
        stats.recordGet(r, messages * 1_000_000L);
    }

    private Map<String, String> info() {
        Map<String, String> info = new HashMap<>();
        stats.fill(info);
        return info;
    }

    /** A first sample, then {@code seconds} times: a second passes, {@code work} runs, a sample is taken. */
    private void everySecond(int seconds, java.util.function.IntConsumer work) {
        stats.sample(clock);
        for (int s = 1; s <= seconds; s++) {
            clock.advance(1000);
            work.accept(s);
            stats.sample(clock);
        }
    }

    @Test
    void aRateIsEmptyUntilItsWindowIsCoveredBySamples() {
        everySecond(10, s -> put(2));
        Map<String, String> info = info();
        assertEquals("2.0  ", info.get("putTps"));
        assertEquals("0.0  ", info.get("getFoundTps"));
        assertEquals("0.0 0.0 0.0", info.get("getTotalTps"));
    }

    @Test
    void theTotalGetRateAddsFoundAndMissedGets() {
        everySecond(60, s -> {
            get(3);
            get(0);
            get(0);
        });
        Map<String, String> info = info();
        assertEquals("1.0 1.0 ", info.get("getFoundTps"));
        assertEquals("2.0 2.0 ", info.get("getMissTps"));
        assertEquals("3.0 3.0 ", info.get("getTransferedTps"));
        assertEquals("3.0 3.0 0.0", info.get("getTotalTps"));
    }

    @Test
    void tenMinutesOfSamplesAreKept() {
        everySecond(700, s -> put(s <= 100 ? 10 : 1));
        assertEquals("1.0 1.0 1.0", info().get("putTps"));
    }

    @Test
    void midnightTotalsRollOnTheFirstSampleOfANewDay() {
        put(5);
        get(4);
        stats.sample(clock);
        assertEquals(new StoreStats.DayTotals(0, 0, 0, 0), stats.dayTotals());
        clock.advance(10_000);
        stats.sample(clock);
        assertEquals(new StoreStats.DayTotals(5, 0, 4, 0), stats.dayTotals());
        put(1);
        clock.advance(86_400_000);
        stats.sample(clock);
        assertEquals(new StoreStats.DayTotals(6, 5, 4, 4), stats.dayTotals());
        assertEquals(6, stats.putMessagesTotal());
        assertEquals(4, stats.getTransferredTotal());
    }

    @Test
    void putTimesOfTheLastFullMinuteAreReportedAsADistributionAndPercentiles() {
        stats.sample(clock);
        Map<String, String> before = info();
        assertEquals("null", before.get("putMessageDistributeTime"));
        assertEquals("0.00", before.get("putLatency99"));
        for (int i = 0; i < 98; i++) {
            put(1, 3);
        }
        put(1, 0);
        put(1, 15_000);
        clock.advance(60_001);
        stats.sample(clock);
        Map<String, String> after = info();
        assertEquals("[<=0ms]:1 [0~10ms]:98 [10~50ms]:0 [50~100ms]:0 [100~200ms]:0 [200~500ms]:0 [500ms~1s]:0 "
            + "[1~2s]:0 [2~3s]:0 [3~4s]:0 [4~5s]:0 [5~10s]:0 [10s~]:1 ", after.get("putMessageDistributeTime"));
        // rank 99 of 100: the 3 ms bucket (2..3 ms] holds ranks 2..99, so it is its top
        assertEquals("3.00", after.get("putLatency99"));
        assertEquals("15000", after.get("putMessageEntireTimeMax"));
        assertEquals("100.0", after.get("putMessageAverageSize"));
    }

    @Test
    void getTimesAndTheDispatchBacklogKeepTheirMaximum() {
        get(7);
        dispatchBehind = 4096;
        stats.sample(clock);
        dispatchBehind = 0;
        clock.advance(1000);
        stats.sample(clock);
        Map<String, String> info = info();
        assertEquals("7", info.get("getMessageEntireTimeMax"));
        assertEquals("4096", info.get("dispatchMaxBuffer"));
    }
}
