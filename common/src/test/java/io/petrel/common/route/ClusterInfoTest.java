package io.petrel.common.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClusterInfoTest {
    @Test
    void writesLikeTheOfficialNameServer() {
        ClusterInfo info = new ClusterInfo(
            Map.of("broker-a", new BrokerData("DefaultCluster", "broker-a", new TreeMap<>(Map.of(0L, "127.0.0.1:10911")))),
            Map.of("DefaultCluster", Set.of("broker-a")));
        assertEquals(Vectors.text(Vectors.bytes("json/cluster_info.json")), Vectors.text(info.encode()));
    }

    @Test
    void readsOfficialBodiesBack() {
        for (String f : new String[] {"json/cluster_info.json", "live/cluster_info.json"}) {
            byte[] golden = Vectors.bytes(f);
            ClusterInfo decoded = ClusterInfo.decode(golden);
            assertEquals(Set.of("broker-a"), decoded.clusterAddrTable().get("DefaultCluster"));
            assertEquals(Vectors.text(golden), Vectors.text(decoded.encode()), f);
        }
    }

    @Test
    void sortsBrokersClustersAndNames() {
        ClusterInfo info = new ClusterInfo(Map.of(
            "b", new BrokerData("c2", "b", new TreeMap<>(Map.of(1L, "h:2", 0L, "h:1"))),
            "a", new BrokerData("c1", "a", new TreeMap<>(Map.of(0L, "h:3")))),
            Map.of("c2", Set.of("b"), "c1", Set.of("z", "a")));
        assertEquals("{\"brokerAddrTable\":{\"a\":{\"brokerAddrs\":{0:\"h:3\"},\"brokerName\":\"a\",\"cluster\":\"c1\"},"
            + "\"b\":{\"brokerAddrs\":{0:\"h:1\",1:\"h:2\"},\"brokerName\":\"b\",\"cluster\":\"c2\"}},"
            + "\"clusterAddrTable\":{\"c1\":[\"a\",\"z\"],\"c2\":[\"b\"]}}", Vectors.text(info.encode()));
    }
}
