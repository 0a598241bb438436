package io.petrel.test.tools;

import io.petrel.test.official.OfficialBroker;
import io.petrel.test.official.OfficialNamesrv;
import java.nio.file.Path;
import java.util.List;

/** The monitoring and trace commands of both tools against an official 4.9.7 NameServer and broker. */
class PetrelMqAdminMonitorOfficialClusterTest extends MqAdminMonitorScenarios {
    private OfficialNamesrv namesrv;
    private OfficialBroker broker;

    @Override
    void startServers(Path dir) throws Exception {
        namesrv = OfficialNamesrv.start(dir.resolve("official-namesrv"), List.of());
        broker = OfficialBroker.start(dir.resolve("official-broker"), "broker-a", namesrv.address(),
            List.of("traceTopicEnable=true"));
    }

    @Override
    String namesrvAddr() {
        return namesrv.address();
    }

    @Override
    String brokerAddr() {
        return broker.address();
    }

    @Override
    void stopServers() {
        if (broker != null) {
            broker.close();
        }
        if (namesrv != null) {
            namesrv.close();
        }
    }
}
