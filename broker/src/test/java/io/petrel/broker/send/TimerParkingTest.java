package io.petrel.broker.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.petrel.broker.schedule.TimerMessageService;
import io.petrel.broker.testing.MutableClock;
import io.petrel.broker.testing.TestBrokerConfig;
import io.petrel.broker.testing.TestManagers;
import io.petrel.broker.testing.TestStore;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.remoting.protocol.ResponseCode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 5.3's flow control per delivery time ({@code timerCongestNumEachSlot}) on the send path. */
class TimerParkingTest {
    private static final long T0 = 1_800_000_000_000L;
    /** Where a message asked for T0 + 10.5 s is parked: rounded down to the 1 s precision. */
    private static final long SLOT = T0 + 10_000;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private final Map<Long, Integer> parked = new HashMap<>();
    private double nextDraw;

    private TimerParking parking(TestBrokerConfig config) {
        return new TimerParking(config, TestManagers.topics(config, dir, clock), clock,
            t -> parked.getOrDefault(t, 0), () -> nextDraw);
    }

    private static MessageExt timerMessage() {
        MessageExt m = TestStore.message("T", 0, "x");
        m.putProperty(MessageProperties.TIMER_DELIVER_MS, Long.toString(T0 + 10_500));
        return m;
    }

    @Test
    void unlimitedByDefaultAs53() {
        TimerParking p = parking(new TestBrokerConfig());
        parked.put(SLOT, 5_000_000);
        MessageExt m = timerMessage();
        assertNull(p.park(m));
        assertEquals(TimerMessageService.TIMER_TOPIC, m.getTopic());
    }

    @Test
    void pastTheLimitAShareIsRefusedGrowingToAllAtTwiceIt() {
        TimerParking p = parking(new TestBrokerConfig("timerCongestNumEachSlot", "10"));
        nextDraw = 0.0;
        parked.put(SLOT, 10);
        assertNull(p.park(timerMessage()), "at the limit: taken");
        parked.put(SLOT + 1_000, 50);
        assertNull(p.park(timerMessage()), "other times do not count");

        parked.put(SLOT, 20);
        nextDraw = 0.999;
        TimerParking.Refusal r = p.park(timerMessage());
        assertEquals(ResponseCode.SYSTEM_ERROR, r.code());
        assertEquals("timer message is under flow control, max num limit is 20 or the current value is greater than "
            + "10 and less than 20, trigger random flow control", r.remark(), "5.3's answer");

        parked.put(SLOT, 13); // 30 % refused
        nextDraw = 0.29;
        assertEquals(ResponseCode.SYSTEM_ERROR, p.park(timerMessage()).code());
        nextDraw = 0.31;
        assertNull(p.park(timerMessage()));
        parked.put(SLOT, 19); // 90 % refused
        nextDraw = 0.89;
        assertEquals(ResponseCode.SYSTEM_ERROR, p.park(timerMessage()).code());
        nextDraw = 0.91;
        assertNull(p.park(timerMessage()));
    }

    @Test
    void aMessageDueNowIsNotParkedSoNotCounted() {
        TimerParking p = parking(new TestBrokerConfig("timerCongestNumEachSlot", "1"));
        parked.put(T0 - 1_000, 100);
        MessageExt due = TestStore.message("T", 0, "x");
        due.putProperty(MessageProperties.TIMER_DELIVER_MS, Long.toString(T0));
        assertNull(p.park(due));
        assertEquals("T", due.getTopic());
    }
}
