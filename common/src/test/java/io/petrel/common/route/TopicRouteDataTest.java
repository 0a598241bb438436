package io.petrel.common.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TopicRouteDataTest {
    private static TopicRouteData route(Map<Long, String> addrs, String orderConf) {
        return new TopicRouteData(orderConf, List.of(new QueueData("broker-a", 4, 4, 6, 0)),
            List.of(new BrokerData("DefaultCluster", "broker-a", new TreeMap<>(addrs))), Map.of());
    }

    @Test
    void writesQuotedKeysForNewRequesters() {
        TopicRouteData r = route(Map.of(0L, "127.0.0.1:10911"), null);
        assertEquals(Vectors.text(Vectors.bytes("json/topic_route_v401plus.json")),
            Vectors.text(r.encode(RouteJsonDialect.QUOTED_KEYS)));
    }

    @Test
    void writesBareNumericKeysForOldRequesters() {
        TopicRouteData r = route(Map.of(0L, "127.0.0.1:10911"), null);
        assertEquals(Vectors.text(Vectors.bytes("json/topic_route_pre401.json")),
            Vectors.text(r.encode(RouteJsonDialect.NUMERIC_KEYS)));
    }

    @Test
    void writesMasterAndSlaveInIdOrder() {
        TopicRouteData r = route(Map.of(1L, "127.0.0.1:11911", 0L, "127.0.0.1:10911"), null);
        assertEquals(Vectors.text(Vectors.bytes("json/topic_route_master_slave_v401plus.json")),
            Vectors.text(r.encode(RouteJsonDialect.QUOTED_KEYS)));
        assertEquals(Vectors.text(Vectors.bytes("json/topic_route_master_slave_pre401.json")),
            Vectors.text(r.encode(RouteJsonDialect.NUMERIC_KEYS)));
    }

    @Test
    void writesOrderTopicConfInItsAlphabeticalPlace() {
        TopicRouteData r = route(Map.of(0L, "127.0.0.1:10911"), "broker-a:4");
        assertEquals(Vectors.text(Vectors.bytes("json/topic_route_order_conf_v401plus.json")),
            Vectors.text(r.encode(RouteJsonDialect.QUOTED_KEYS)));
    }

    @Test
    void readsBothDialectsBackToTheSameRoute() {
        for (String f : List.of("json/topic_route_v401plus.json", "json/topic_route_pre401.json",
            "json/topic_route_master_slave_pre401.json", "json/topic_route_order_conf_v401plus.json",
            "live/route_v0.json", "live/route_v407.json")) {
            byte[] golden = Vectors.bytes(f);
            TopicRouteData decoded = TopicRouteData.decode(golden);
            RouteJsonDialect dialect = Vectors.text(golden).contains("{0:") ? RouteJsonDialect.NUMERIC_KEYS
                : RouteJsonDialect.QUOTED_KEYS;
            assertEquals(Vectors.text(golden), Vectors.text(decoded.encode(dialect)), f);
        }
    }

    @Test
    void filterServersAreWrittenSortedByAddress() {
        TopicRouteData r = new TopicRouteData(null, List.of(), List.of(),
            Map.of("b:1", List.of("fs2"), "a:1", List.of("fs1", "fs0")));
        assertEquals("{\"brokerDatas\":[],\"filterServerTable\":{\"a:1\":[\"fs1\",\"fs0\"],\"b:1\":[\"fs2\"]},"
            + "\"queueDatas\":[]}", Vectors.text(r.encode(RouteJsonDialect.QUOTED_KEYS)));
        assertEquals(r, TopicRouteData.decode(r.encode(RouteJsonDialect.QUOTED_KEYS)));
    }

    @Test
    void refusesGarbage() {
        assertThrows(IllegalArgumentException.class, () -> TopicRouteData.decode("{\"queueDatas\":[".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> TopicRouteData.decode("[1,2]".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> TopicRouteData.decode(new byte[0]));
    }

    @Test
    void dialectFollowsRequestVersionOrExplicitWish() {
        assertEquals(RouteJsonDialect.NUMERIC_KEYS, RouteJsonDialect.forRequest(0, false));
        assertEquals(RouteJsonDialect.NUMERIC_KEYS, RouteJsonDialect.forRequest(400, false));
        assertEquals(RouteJsonDialect.QUOTED_KEYS, RouteJsonDialect.forRequest(401, false));
        assertEquals(RouteJsonDialect.QUOTED_KEYS, RouteJsonDialect.forRequest(407, false));
        assertEquals(RouteJsonDialect.QUOTED_KEYS, RouteJsonDialect.forRequest(0, true));
    }
}
