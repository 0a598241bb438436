package io.petrel.tools.command.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petrel.common.route.BrokerData;
import io.petrel.common.route.QueueData;
import io.petrel.common.route.TopicRouteData;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The route JSON laid out byte for byte as 4.9.7's {@code topicRoute} prints it (fastjson 1, pretty). */
class TopicRouteCommandTest {
    private static final BrokerData BROKER = new BrokerData("DefaultCluster", "broker-a",
        new TreeMap<>(Map.of(0L, "127.0.0.1:10911", 1L, "127.0.0.1:10921")));
    private static final QueueData QUEUES = new QueueData("broker-a", 8, 8, 6, 0);
    /** The opening of both documents: the object and its broker list with {@link #BROKER}. */
    private static final String BROKER_DATAS_JSON = "{\n"
        + "\t\"brokerDatas\":[\n"
        + "\t\t{\n"
        + "\t\t\t\"brokerAddrs\":{0:\"127.0.0.1:10911\",1:\"127.0.0.1:10921\"\n"
        + "\t\t\t},\n"
        + "\t\t\t\"brokerName\":\"broker-a\",\n"
        + "\t\t\t\"cluster\":\"DefaultCluster\"\n"
        + "\t\t}\n"
        + "\t],\n";

    @Test
    void printsARouteAsFastjsonPrettyPrintsIt() {
        String expected = BROKER_DATAS_JSON
            + "\t\"filterServerTable\":{},\n"
            + "\t\"queueDatas\":[\n"
            + "\t\t{\n"
            + "\t\t\t\"brokerName\":\"broker-a\",\n"
            + "\t\t\t\"perm\":6,\n"
            + "\t\t\t\"readQueueNums\":8,\n"
            + "\t\t\t\"topicSysFlag\":0,\n"
            + "\t\t\t\"writeQueueNums\":8\n"
            + "\t\t}\n"
            + "\t]\n"
            + "}";
        assertEquals(expected, TopicRouteCommand.json(new TopicRouteData(null, List.of(QUEUES), List.of(BROKER),
            Map.of())));
    }

    @Test
    void printsFilterServersTheOrderConfAndNoQueues() {
        String expected = BROKER_DATAS_JSON
            + "\t\"filterServerTable\":{\n"
            + "\t\t\"127.0.0.1:10911\":[\n"
            + "\t\t\t\"x:1\",\n"
            + "\t\t\t\"y:2\"\n"
            + "\t\t]\n"
            + "\t},\n"
            + "\t\"orderTopicConf\":\"broker-a:8\",\n"
            + "\t\"queueDatas\":[]\n"
            + "}";
        assertEquals(expected, TopicRouteCommand.json(new TopicRouteData("broker-a:8", List.of(), List.of(BROKER),
            Map.of("127.0.0.1:10911", List.of("x:1", "y:2")))));
    }
}
