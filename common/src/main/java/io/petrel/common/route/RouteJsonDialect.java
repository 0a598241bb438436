package io.petrel.common.route;

/**
 * The two ways 4.9.7 writes the {@code Long} keys of {@code brokerAddrs}: fastjson's default bare numbers
 * ({@code {0:"a"}}, not standard JSON; cluster info always, routes for requesters older than 4.9.4) and
 * quoted ({@code {"0":"a"}}, routes for requesters of version 401 or later, or that ask for standard JSON).
 */
public enum RouteJsonDialect {
    NUMERIC_KEYS,
    QUOTED_KEYS;

    /** The dialect a GET_ROUTEINFO_BY_TOPIC answer uses for a request of {@code version}. */
    public static RouteJsonDialect forRequest(int version, boolean acceptStandardJsonOnly) {
        return version >= 401 || acceptStandardJsonOnly ? QUOTED_KEYS : NUMERIC_KEYS;
    }
}
