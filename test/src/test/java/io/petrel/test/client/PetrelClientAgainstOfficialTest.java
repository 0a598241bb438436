package io.petrel.test.client;

import io.petrel.test.official.OfficialBroker;
import io.petrel.test.official.OfficialNamesrv;
import java.util.List;

/** Petrel's client against an official RocketMQ 4.9.7 NameServer and broker (child JVMs). */
class PetrelClientAgainstOfficialTest extends ClientScenarios {
    private OfficialNamesrv namesrv;
    private OfficialBroker broker;
    private String namesrvAddress;
    private static final List<String> EXTRA = List.of("transactionCheckInterval=1000", "transactionTimeOut=2000",
        "messageDelayLevel=" + DELAY_LEVELS);

    @Override
    String startServers() throws Exception {
        namesrv = OfficialNamesrv.start(dir.resolve("namesrv"), List.of());
        namesrvAddress = namesrv.address();
        broker = OfficialBroker.start(dir.resolve("broker"), "broker-a", namesrvAddress, EXTRA);
        return namesrvAddress;
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
    void restartBroker() throws Exception {
        broker = broker.restart(dir.resolve("broker"), namesrvAddress, EXTRA);
    }
}
