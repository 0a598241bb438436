package io.petrel.test.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.broker.BrokerController;
import io.petrel.broker.BrokerStartup;
import io.petrel.broker.config.BrokerSettings;
import io.petrel.test.namesrv.PetrelNamesrv;
import io.petrel.test.official.FreePorts;
import io.petrel.test.official.OfficialMqAdmin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's settings end to end: a config file, what {@code mqbroker -p} prints, what GET_BROKER_CONFIG answers
 * to the official admin, an update through UPDATE_BROKER_CONFIG (refused whole when one value is bad, announced to
 * the NameServer when it changes the permission), and a restart from the file the update was written to.
 */
@Timeout(180)
class BrokerConfigRoundTripTest {
    @TempDir
    Path dir;
    private PetrelNamesrv namesrv;
    private BrokerController broker;
    private DefaultMQAdminExt admin;

    @AfterEach
    void stop() {
        if (admin != null) {
            admin.shutdown();
        }
        if (broker != null) {
            broker.shutdown();
        }
        if (namesrv != null) {
            namesrv.close();
        }
    }

    private BrokerController startFrom(Path file) throws Exception {
        BrokerSettings s = BrokerStartup.settings(file.toString(), null);
        BrokerController c = new BrokerController(s, file, Clock.systemUTC());
        c.start();
        return c;
    }

    private static Map<String, String> parse(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return asMap(p);
    }

    private static Map<String, String> asMap(Properties p) {
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    @Test
    void fileToPrintToGetToUpdateToRestart() throws Exception {
        namesrv = PetrelNamesrv.start(dir.resolve("namesrv"));
        Path file = dir.resolve("broker.conf");
        int port = FreePorts.brokerPort();
        Files.writeString(file, String.join("\n",
            "# a broker of the round-trip test",
            "brokerClusterName=RoundTrip",
            "brokerName=rt-a",
            "brokerIP1=127.0.0.1",
            "brokerIP2=127.0.0.1",
            "bindAddress=127.0.0.1",
            "listenPort=" + port,
            "namesrvAddr=" + namesrv.address(),
            "storePathRootDir=" + dir.resolve("store"),
            "mapedFileSizeCommitLog=" + (16 * 1024 * 1024),
            "mappedFileSizeConsumeQueue=60000",
            "maxIndexNum=40000",
            "maxHashSlotNum=10000",
            "fileReservedTime=48",
            ""));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(0, BrokerStartup.run(new String[] {"-c", file.toString(), "-p"},
            new PrintStream(printed, true, StandardCharsets.UTF_8), System.err));
        Map<String, String> fromPrint = parse(printed.toString(StandardCharsets.UTF_8));
        assertEquals("48", fromPrint.get("fileReservedTime"));
        assertEquals(Integer.toString(16 * 1024 * 1024), fromPrint.get("mappedFileSizeCommitLog"));

        broker = startFrom(file);
        String addr = "127.0.0.1:" + port;
        admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrv.address());
        admin.setInstanceName("config-round-trip-" + System.nanoTime());
        admin.start();
        Map<String, String> fromGet = asMap(admin.getBrokerConfig(addr));
        assertEquals(fromPrint, fromGet);
        for (String key : new String[] {"brokerClusterName", "brokerId", "brokerName", "brokerRole", "fileReservedTime",
            "filterServerNums", "flushDiskType", "maxMessageSize", "messageDelayLevel", "msgTraceTopicName",
            "slaveReadEnable", "traceOn", "traceTopicEnable", "useTLS", "autoCreateTopicEnable",
            "autoCreateSubscriptionGroup"}) {
            assertTrue(fromGet.containsKey(key), "official exportConfigs reads " + key);
        }

        Properties bad = new Properties();
        bad.setProperty("brokerPermission", "4");
        bad.setProperty("fileReservedTime", "soon");
        MQBrokerException refused = assertThrows(MQBrokerException.class, () -> admin.updateBrokerConfig(addr, bad));
        assertTrue(refused.getErrorMessage().contains("fileReservedTime"), refused.getErrorMessage());
        assertEquals(fromGet, asMap(admin.getBrokerConfig(addr)));

        Properties update = new Properties();
        update.setProperty("brokerPermission", "4");
        update.setProperty("fileReservedTime", "24");
        admin.updateBrokerConfig(addr, update);
        Map<String, String> afterUpdate = asMap(admin.getBrokerConfig(addr));
        assertEquals("4", afterUpdate.get("brokerPermission"));
        assertEquals("24", afterUpdate.get("fileReservedTime"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admin.examineTopicRouteInfo("TBW102")
            .getQueueDatas().stream().allMatch(q -> q.getPerm() == 4));
        String text = Files.readString(file);
        assertTrue(text.startsWith("# a broker of the round-trip test\n"), text);
        assertTrue(text.contains("fileReservedTime=24\n") && text.contains("brokerPermission=4"), text);

        Path exportDir = dir.resolve("export");
        OfficialMqAdmin.Result export = OfficialMqAdmin.run(dir.resolve("mqadmin"), "exportConfigs", "-n",
            namesrv.address(), "-c", "RoundTrip", "-f", exportDir.toString());
        assertEquals(0, export.exitCode(), export.output());
        String exported = Files.readString(exportDir.resolve("configs.json"));
        assertTrue(exported.contains("\"rt-a\"") && exported.contains("\"fileReservedTime\":\"24\""), exported);

        broker.shutdown();
        broker = startFrom(file);
        Map<String, String> afterRestart = asMap(admin.getBrokerConfig(addr));
        assertEquals(afterUpdate, afterRestart);
    }
}
