package io.petrel.broker.testing;

import io.petrel.broker.config.BrokerConfig;
import java.util.Properties;
import java.util.function.Supplier;

/** Broker settings for a test, changeable between steps as an update at run time would change them. */
public final class TestBrokerConfig implements Supplier<BrokerConfig> {
    private final Properties props = new Properties();
    private volatile BrokerConfig current;

    /** Starts from the defaults with {@code key, value} pairs laid over. */
    public TestBrokerConfig(String... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            props.setProperty(keyValues[i], keyValues[i + 1]);
        }
        current = BrokerConfig.of(props);
    }

    public TestBrokerConfig set(String key, String value) {
        props.setProperty(key, value);
        current = BrokerConfig.of(props);
        return this;
    }

    @Override
    public BrokerConfig get() {
        return current;
    }
}
