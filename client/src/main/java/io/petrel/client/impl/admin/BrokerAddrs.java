package io.petrel.client.impl.admin;

import io.petrel.common.route.BrokerData;
import io.petrel.common.route.ClusterInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Which address of a broker, or which brokers of a cluster, an admin request goes to. */
final class BrokerAddrs {
    private BrokerAddrs() {
    }

    /** The master's address, else a random slave's; null when the broker has no address. */
    static String select(BrokerData broker, RandomGenerator random) {
        String master = broker.masterAddr();
        if (master != null || broker.brokerAddrs().isEmpty()) {
            return master;
        }
        List<String> addrs = new ArrayList<>(broker.brokerAddrs().values());
        return addrs.get(random.nextInt(addrs.size()));
    }

    /** Every address (masters and slaves) of every broker of {@code cluster}; empty for an unknown cluster. */
    static List<String> ofCluster(ClusterInfo info, String cluster) {
        List<String> addrs = new ArrayList<>();
        Set<String> brokerNames = info.clusterAddrTable().get(cluster);
        if (brokerNames == null) {
            return addrs;
        }
        for (String name : brokerNames) {
            BrokerData broker = info.brokerAddrTable().get(name);
            if (broker != null) {
                addrs.addAll(broker.brokerAddrs().values());
            }
        }
        return addrs;
    }
}
