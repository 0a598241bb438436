package io.petrel.tools.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.petrel.common.body.ConsumeStatus;
import io.petrel.common.body.ConsumerRunningInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonitorServiceTest {
    @Test
    void failuresOfATopicAreSummedOverTheClients() {
        Map<String, String> props = Map.of();
        ConsumerRunningInfo a = new ConsumerRunningInfo(props, Set.of(), Map.of(),
            Map.of("T", new ConsumeStatus(0, 0, 0, 0, 0, 2), "U", new ConsumeStatus(0, 0, 0, 0, 0, 7)), null);
        ConsumerRunningInfo b = new ConsumerRunningInfo(props, Set.of(), Map.of(),
            Map.of("T", new ConsumeStatus(0, 0, 0, 0, 0, 3)), null);
        assertEquals(new FailedMsgs("G", "T", 5), MonitorService.failedMsgs("G", "T", List.of(a, b)));
        assertNull(MonitorService.failedMsgs("G", "V", List.of(a, b)));
    }

    @Test
    void aRoundNeedsAStartedMonitor() {
        MonitorService monitor = new MonitorService("127.0.0.1:1", 1_000, new DefaultMonitorListener());
        assertThrows(IllegalStateException.class, monitor::doMonitorWork);
        assertThrows(IllegalArgumentException.class, () -> new MonitorService("127.0.0.1:1", 0,
            new DefaultMonitorListener()));
    }
}
