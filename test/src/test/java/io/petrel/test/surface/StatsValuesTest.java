package io.petrel.test.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import io.petrel.test.official.OfficialBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.stats.Stats;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics' figures, not only their shape: after 20 messages sent and consumed on each side, both brokers
 * report the same sums, a consume TPS above zero, no lag and the same run-time totals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class StatsValuesTest {
    private static final String TOPIC = "STATS_VALUES";
    private static final String GROUP = "CG_STATS_VALUES";
    private static final int MESSAGES = 20;
    /** Three rates separated by spaces, each a Java double or empty while the store has too few samples. */
    private static final Pattern RATES = Pattern.compile("([0-9.E-]*) ([0-9.E-]*) ([0-9.E-]*)");

    private SideBySide sides;

    @BeforeAll
    void sendAndConsumeOnBothSides(@TempDir Path dir) throws Exception {
        sides = SideBySide.startConsumed(dir, TOPIC, GROUP, MESSAGES);
        // both brokers sample every 10 s: wait for a sample taken after the consumption on each side
        String key = TOPIC + "@" + GROUP;
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
            .until(() -> minuteSum(Stats.GROUP_GET_NUMS, key, SideBySide.Answers::officialJson) == MESSAGES
                && minuteSum(Stats.GROUP_GET_NUMS, key, SideBySide.Answers::petrelJson) == MESSAGES);
    }

    @AfterAll
    void stop() {
        if (sides != null) {
            sides.close();
        }
    }

    private long minuteSum(String statsName, String statsKey, Function<SideBySide.Answers, JSONObject> side)
        throws Exception {
        SideBySide.Answers a = sides.ask(() -> StatsSurfaceCases.viewRequest(statsName, statsKey));
        JSONObject body = side.apply(a);
        return body == null ? -1 : body.getJSONObject("statsMinute").getLongValue("sum");
    }

    @Test
    void putAndGetSumsAreTheMessagesSentAndConsumed() throws Exception {
        for (Function<SideBySide.Answers, JSONObject> side : sides()) {
            assertEquals(MESSAGES, minuteSum(Stats.TOPIC_PUT_NUMS, TOPIC, side));
            assertEquals(MESSAGES, minuteSum(Stats.GROUP_GET_NUMS, TOPIC + "@" + GROUP, side));
            assertTrue(minuteSum(Stats.BROKER_PUT_NUMS, OfficialBroker.CLUSTER, side) >= MESSAGES);
        }
        SideBySide.Answers size = sides.ask(() -> StatsSurfaceCases.viewRequest(Stats.TOPIC_PUT_SIZE, TOPIC));
        JSONObject official = size.officialJson().getJSONObject("statsMinute");
        JSONObject petrel = size.petrelJson().getJSONObject("statsMinute");
        assertEquals(official.getLongValue("sum"), petrel.getLongValue("sum"), "stored bytes of the same messages");
        assertEquals(official.getDoubleValue("avgpt"), petrel.getDoubleValue("avgpt"), 1e-9);
    }

    @Test
    void consumeStatsReportTheGroupsPullRate() throws Exception {
        SideBySide.Answers a = sides.ask(() -> StatsSurfaceCases.consumeStats(GROUP, TOPIC));
        for (JSONObject body : List.of(a.officialJson(), a.petrelJson())) {
            assertTrue(body.getDoubleValue("consumeTps") > 0, "consumeTps in " + body);
        }
    }

    @Test
    void brokerConsumeStatsShowTheGroupWithNoLag() throws Exception {
        SideBySide.Answers a = sides.ask(() -> StatsSurfaceCases.brokerConsumeStats(false));
        for (JSONObject body : List.of(a.officialJson(), a.petrelJson())) {
            assertEquals(0, body.getLongValue("totalDiff"), body.toJSONString());
            JSONArray ofGroup = null;
            for (Object m : body.getJSONArray("consumeStatsList")) {
                if (((JSONObject) m).containsKey(GROUP)) {
                    ofGroup = ((JSONObject) m).getJSONArray(GROUP);
                }
            }
            assertTrue(ofGroup != null && !ofGroup.isEmpty(), "the group is listed: " + body);
            assertTrue(ofGroup.stream().anyMatch(s -> ((JSONObject) s).getDoubleValue("consumeTps") > 0),
                "a pull rate is reported: " + body);
        }
    }

    @Test
    void runtimeInfoCountsWhatWasSentAndConsumed() throws Exception {
        SideBySide.Answers a = sides.ask(() ->
            RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_RUNTIME_INFO, null));
        JSONObject official = a.officialJson().getJSONObject("table");
        JSONObject petrel = a.petrelJson().getJSONObject("table");
        for (String key : List.of("msgPutTotalTodayNow", "msgGetTotalTodayNow", "msgPutTotalTodayMorning",
            "msgGetTotalYesterdayMorning", "EndTransactionQueueSize")) {
            assertEquals(official.getString(key), petrel.getString(key), key);
        }
        for (String key : List.of("putTps", "getFoundTps", "getMissTps", "getTransferedTps", "getTotalTps")) {
            assertTrue(RATES.matcher(petrel.getString(key)).matches(), key + ": " + petrel.getString(key));
            assertTrue(RATES.matcher(official.getString(key)).matches(), key + ": " + official.getString(key));
        }
        assertEquals(figureNames(official), figureNames(petrel), "the same figures on both sides");
        String[] totalTps = petrel.getString("getTotalTps").split(" ");
        assertEquals(3, totalTps.length);
        assertTrue(Double.parseDouble(totalTps[0]) >= 0);
    }

    /** Names of the run-time figures, with the store path that ends some of them left out. */
    private static Set<String> figureNames(JSONObject table) {
        Set<String> names = new TreeSet<>();
        for (String key : table.keySet()) {
            names.add(key.startsWith("commitLogDiskRatio_") ? "commitLogDiskRatio_<path>" : key);
        }
        return names;
    }

    private static List<Function<SideBySide.Answers, JSONObject>> sides() {
        return List.of(SideBySide.Answers::officialJson, SideBySide.Answers::petrelJson);
    }
}
