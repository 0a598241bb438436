package io.petrel.test.client;

import io.petrel.test.official.OfficialBroker;
import io.petrel.test.official.OfficialNamesrv;
import java.util.List;

/** Petrel's admin client against an official RocketMQ 4.9.7 NameServer and broker (child JVMs). */
class AdminAgainstOfficialTest extends AdminScenarios {
    private OfficialNamesrv namesrv;
    private OfficialBroker broker;

    @Override
    String startServers() throws Exception {
        namesrv = OfficialNamesrv.start(dir.resolve("namesrv"), List.of());
        broker = OfficialBroker.start(dir.resolve("broker"), "broker-a", namesrv.address(), List.of());
        return namesrv.address();
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

    @Override
    String brokerName() {
        return "broker-a";
    }
}
