package io.petrel.test.official;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petrel.common.route.BrokerData;
import io.petrel.common.route.TopicRouteData;
import io.petrel.test.namesrv.PetrelNamesrv;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The kit starts an official 4.9.7 slave next to its master: both register, the slave with broker id 1. */
@Timeout(240)
class OfficialBrokerSlaveTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private PetrelNamesrv namesrv;
    private OfficialBroker master;
    private OfficialBroker slave;

    @AfterEach
    void stopAll() {
        try {
            if (slave != null) {
                slave.close();
            }
            if (master != null) {
                master.close();
            }
        } finally {
            if (namesrv != null) {
                namesrv.close();
            }
        }
    }

    @Test
    void aSlaveRegistersUnderItsMastersNameWithBrokerIdOne() throws Exception {
        namesrv = PetrelNamesrv.start(dir.resolve("namesrv"));
        master = OfficialBroker.start(dir.resolve("master"), "official-ha", namesrv.address());
        slave = OfficialBroker.startSlave(dir.resolve("slave"), "official-ha", namesrv.address(), List.of());

        Awaitility.await().atMost(WAIT).until(() -> brokerAddrs("official-ha").size() == 2);
        assertEquals(Map.of(0L, master.address(), 1L, slave.address()), brokerAddrs("official-ha"));
    }

    private Map<Long, String> brokerAddrs(String brokerName) {
        TopicRouteData route = namesrv.controller().routes().pickupTopicRouteData(brokerName);
        if (route == null) {
            return Map.of();
        }
        return route.brokerDatas().stream().filter(b -> b.brokerName().equals(brokerName))
            .map(BrokerData::brokerAddrs).findFirst().map(Map::copyOf).orElse(Map.of());
    }
}
