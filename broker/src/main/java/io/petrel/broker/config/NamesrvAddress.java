package io.petrel.broker.config;

/** Where the NameServer list comes from when broker.conf and the command line give none. */
final class NamesrvAddress {
    private NamesrvAddress() {
    }

    /** {@code -Drocketmq.namesrv.addr}, else the {@code NAMESRV_ADDR} environment variable, else null. */
    static String fromEnvironment() {
        String fromProperty = System.getProperty("rocketmq.namesrv.addr");
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnv = System.getenv("NAMESRV_ADDR");
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }
}
