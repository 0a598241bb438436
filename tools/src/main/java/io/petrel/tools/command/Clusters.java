package io.petrel.tools.command;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.ClusterInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Looks up a cluster's brokers in the NameServer's cluster table. */
public final class Clusters {
    private Clusters() {
    }

    /** The master address of every broker of {@code cluster}; fails when the NameServer knows no such cluster. */
    public static Set<String> masterAddrs(MQAdminExt admin, String cluster) throws Exception {
        Set<String> addrs = new LinkedHashSet<>();
        for (BrokerData broker : brokers(admin, cluster)) {
            if (broker.masterAddr() != null) {
                addrs.add(broker.masterAddr());
            }
        }
        return addrs;
    }

    /** The address of every master and slave of {@code cluster}; fails when the NameServer knows no such cluster. */
    public static Set<String> allAddrs(MQAdminExt admin, String cluster) throws Exception {
        Set<String> addrs = new LinkedHashSet<>();
        for (BrokerData broker : brokers(admin, cluster)) {
            addrs.addAll(broker.brokerAddrs().values());
        }
        return addrs;
    }

    /** The brokers (master and slaves each) of {@code cluster}; fails when the NameServer knows no such cluster. */
    public static List<BrokerData> brokers(MQAdminExt admin, String cluster) throws Exception {
        ClusterInfo info = admin.examineBrokerClusterInfo();
        List<BrokerData> brokers = new ArrayList<>();
        for (String name : brokerNames(info, cluster)) {
            BrokerData broker = info.brokerAddrTable().get(name);
            if (broker != null) {
                brokers.add(broker);
            }
        }
        return brokers;
    }

    /** The names of the brokers of {@code cluster}; fails when the NameServer knows no such cluster. */
    public static Set<String> brokerNames(MQAdminExt admin, String cluster) throws Exception {
        return brokerNames(admin.examineBrokerClusterInfo(), cluster);
    }

    private static Set<String> brokerNames(ClusterInfo info, String cluster) throws CommandException {
        Set<String> names = info.clusterAddrTable().get(cluster);
        if (names == null) {
            throw new CommandException("no cluster '" + cluster + "' at the NameServer");
        }
        return names;
    }

    /** The name of the broker listening at {@code addr}; fails when no broker of the NameServer has it. */
    public static String brokerNameOf(MQAdminExt admin, String addr) throws Exception {
        for (BrokerData broker : admin.examineBrokerClusterInfo().brokerAddrTable().values()) {
            if (broker.brokerAddrs().containsValue(addr)) {
                return broker.brokerName();
            }
        }
        throw new CommandException("no broker at " + addr + " registered with the NameServer");
    }

    /** The broker's master address, else one of its slaves'; {@code null} when it has none. */
    public static String anyAddr(BrokerData broker) {
        return broker.masterAddr() != null ? broker.masterAddr()
            : broker.brokerAddrs().values().stream().findFirst().orElse(null);
    }
}
