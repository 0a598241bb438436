package io.petrel.namesrv.config;

import io.petrel.common.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamesrvConfigMapperTest {
    private final NamesrvConfigMapper mapper = new NamesrvConfigMapper(
        new NamesrvConfigMapper.Environment("/home/u", "/opt/petrel"));

    @Test
    void defaultsFollowRocketMQAndTheEnvironment() {
        NamesrvConfigMapper.Result r = mapper.map(new Properties());
        NamesrvConfig c = r.config();
        assertEquals(9876, c.listenPort());
        assertEquals("/home/u/namesrv/kvConfig.json", c.kvConfigPath());
        assertEquals("/opt/petrel", c.rocketmqHome());
        assertFalse(c.orderMessageEnable());
        assertEquals(120, c.serverChannelMaxIdleTimeSeconds());
        assertEquals(10_000, c.scanNotActiveBrokerIntervalMs());
        assertEquals(120_000, c.brokerChannelExpiredMs());
        assertTrue(r.unknownKeys().isEmpty());
        assertEquals(9876, c.toNettyServerConfig().getListenPort());
    }

    @Test
    void badValuesNameTheirKeyAndUnknownKeysAreReported() {
        Properties p = new Properties();
        p.setProperty("listenPort", "70000");
        ConfigException e = assertThrows(ConfigException.class, () -> mapper.map(p));
        assertTrue(e.getMessage().startsWith("listenPort"), e.getMessage());
        p.setProperty("listenPort", "9877");
        p.setProperty("orderMessageEnable", "yes");
        e = assertThrows(ConfigException.class, () -> mapper.map(p));
        assertTrue(e.getMessage().startsWith("orderMessageEnable"), e.getMessage());
        p.setProperty("orderMessageEnable", "TRUE");
        p.setProperty("someTypo", "1");
        NamesrvConfigMapper.Result r = mapper.map(p);
        assertTrue(r.config().orderMessageEnable());
        assertEquals(9877, r.config().listenPort());
        assertEquals(Set.of("someTypo"), r.unknownKeys());
    }

    @Test
    void updateMergesOverTheValuesInForce() {
        Properties p = new Properties();
        p.setProperty("listenPort", "9877");
        NamesrvConfig base = mapper.map(p).config();
        Properties up = new Properties();
        up.setProperty("orderMessageEnable", "true");
        NamesrvConfig next = mapper.update(base, up).config();
        assertEquals(9877, next.listenPort());
        assertTrue(next.orderMessageEnable());
        assertTrue(next.toPropertiesText().contains("orderMessageEnable=true\n"));
    }
}
