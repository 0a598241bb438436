package io.petrel.namesrv.processor;

import io.petrel.common.route.RouteJsonDialect;
import io.petrel.common.route.TopicRouteData;
import io.petrel.namesrv.kvconfig.KVConfigManager;
import io.petrel.namesrv.route.RouteInfoManager;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Encoded GET_ROUTEINFO_BY_TOPIC bodies, per topic and dialect, valid while the route tables' (and KV store's)
 * generation stays the same. Routes change rarely (a broker's periodic registration with an unchanged version
 * changes nothing), so nearly every query is a map lookup with no lock and no encoding. Thread-safe.
 *
 * <p>An entry is tagged with the generation read <em>before</em> the route was assembled; a change racing the
 * assembly can only make the entry look older than its data, never newer, so a stale body is never served past
 * the change.
 */
public final class EncodedRouteCache {
    /** Bound on cached topics; past it the cache starts over (only known topics are ever cached). */
    private static final int MAX_ENTRIES = 200_000;

    private record Entry(long routeGeneration, long kvGeneration, boolean order, byte[] body) {
        boolean matches(long routeGen, long kvGen, boolean orderEnabled) {
            return routeGeneration == routeGen && order == orderEnabled && (!order || kvGeneration == kvGen);
        }
    }

    private final RouteInfoManager routes;
    private final KVConfigManager kv;
    private final BooleanSupplier orderMessageEnable;
    private final ConcurrentHashMap<String, Entry> quoted = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> numeric = new ConcurrentHashMap<>();

    public EncodedRouteCache(RouteInfoManager routes, KVConfigManager kv, BooleanSupplier orderMessageEnable) {
        this.routes = routes;
        this.kv = kv;
        this.orderMessageEnable = orderMessageEnable;
    }

    /** @return the cached body when it is still valid, else null; never locks or encodes */
    public byte[] cachedRoute(String topic, RouteJsonDialect dialect) {
        boolean order = orderMessageEnable.getAsBoolean();
        Entry e = (dialect == RouteJsonDialect.QUOTED_KEYS ? quoted : numeric).get(topic);
        return e != null && e.matches(routes.generation(), kv.generation(), order) ? e.body : null;
    }

    /** @return the encoded route, or null when the topic has none */
    public byte[] encodedRoute(String topic, RouteJsonDialect dialect) {
        boolean order = orderMessageEnable.getAsBoolean();
        long routeGen = routes.generation();
        long kvGen = kv.generation();
        ConcurrentHashMap<String, Entry> map = dialect == RouteJsonDialect.QUOTED_KEYS ? quoted : numeric;
        Entry e = map.get(topic);
        if (e != null && e.matches(routeGen, kvGen, order)) {
            return e.body;
        }
        TopicRouteData route = routes.pickupTopicRouteData(topic);
        if (route == null) {
            map.remove(topic);
            return null;
        }
        if (order) {
            route = route.withOrderTopicConf(kv.get(KVConfigManager.ORDER_TOPIC_CONFIG, topic));
        }
        byte[] body = route.encode(dialect);
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(topic, new Entry(routeGen, kvGen, order, body));
        return body;
    }
}
