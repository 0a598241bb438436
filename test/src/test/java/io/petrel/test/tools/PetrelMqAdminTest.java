package io.petrel.test.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.admin.DefaultMQAdminExt;
import io.petrel.common.topic.TopicConfig;
import io.petrel.test.broker.PetrelBroker;
import io.petrel.test.broker.PetrelCluster;
import io.petrel.test.official.OfficialBroker;
import io.petrel.test.official.OfficialNamesrv;
import io.petrel.test.surface.AdminOutputs;
import io.petrel.test.surface.AdminOutputs.Outputs;
import io.petrel.test.surface.AdminOutputs.PetrelRun;
import io.petrel.tools.command.Commands;
import io.petrel.tools.command.MQAdmin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.serializer.SerializerFeature;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.command.SubCommand;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Petrel's own {@code mqadmin} and the official 4.9.7 one, run with the same arguments against one Petrel cluster:
 * each command prints the same lines once volatile values are masked. A command that changes the cluster runs after
 * the cluster is put back into the state the other tool saw.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class PetrelMqAdminTest {
    private static final String TOPIC = "PADM_TOPIC";
    private static final String CLUSTER = PetrelBroker.CLUSTER;
    private static final String BROKER_NAME = "petrel-a";
    private static final String PRODUCER_GROUP = "PG_PADM";
    private static final String CONSUMER_GROUP = "CG_PADM_ONLINE";
    private static final String CLONE_GROUP = "CG_PADM_CLONE";

    @TempDir
    static Path dir;
    private PetrelCluster cluster;
    private DefaultMQAdminExt admin;
    private Clients clients;
    /** The admin client of the cluster the tools run against now, which resets state between their runs. */
    private DefaultMQAdminExt current;
    private String offsetMsgId;
    private String uniqueMsgId;
    private Map<String, SubCommand> official;
    private Map<String, Outputs> outputs = new LinkedHashMap<>();
    private int exports;
    /** The cluster the two tools are run against now: its NameServer and broker. */
    private String namesrv;
    private String brokerAddr;

    /** A producer and an online consumer of the test's groups, and the ids of the last message sent. */
    private record Clients(DefaultMQProducer producer, DefaultMQPushConsumer consumer, String offsetMsgId,
                           String uniqueMsgId) implements AutoCloseable {
        @Override
        public void close() {
            long t0 = System.nanoTime();
            consumer.shutdown();
            long t1 = System.nanoTime();
            producer.shutdown();
            System.out.printf("%s TIMING consumer %d producer %d%n", java.time.LocalTime.now(), (t1 - t0) / 1000000, (System.nanoTime() - t1) / 1000000);
        }
    }

    /**
     * Sends six messages to {@link #TOPIC} through {@code namesrvAddr}'s cluster and starts a consumer of
     * {@link #CONSUMER_GROUP}; returns once the admin client sees both connected.
     */
    private static Clients seed(String namesrvAddr, DefaultMQAdminExt admin, String instance) throws Exception {
        DefaultMQProducer p = new DefaultMQProducer(PRODUCER_GROUP);
        p.setNamesrvAddr(namesrvAddr);
        p.setInstanceName(instance + "-producer");
        p.start();
        SendResult sent = null;
        for (int i = 0; i < 6; i++) {
            sent = p.send(new Message(TOPIC, "TagA", "padm-key-" + i % 2, ("m-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(CONSUMER_GROUP);
        c.setNamesrvAddr(namesrvAddr);
        c.setInstanceName(instance + "-consumer");
        c.subscribe(TOPIC, "TagA || TagB");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, context) ->
            ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        c.start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
            !admin.examineConsumerConnectionInfo(CONSUMER_GROUP).connectionSet().isEmpty()
                && !admin.examineProducerConnectionInfo(PRODUCER_GROUP, TOPIC).connectionSet().isEmpty());
        return new Clients(p, c, sent.getOffsetMsgId(), sent.getMsgId());
    }

    private static DefaultMQAdminExt startAdmin(String namesrvAddr, String instance) throws Exception {
        DefaultMQAdminExt a = new DefaultMQAdminExt();
        a.setNamesrvAddr(namesrvAddr);
        a.setInstanceName(instance);
        a.start();
        return a;
    }

    @BeforeAll
    void start() throws Exception {
        cluster = PetrelCluster.start(dir.resolve("petrel"), new Properties());
        official = AdminOutputs.officialCommands();
        admin = startAdmin(cluster.namesrvAddr(), "padm-reset");
        targetPetrel();
        admin.createAndUpdateTopicConfig(broker(), TopicConfig.of(TOPIC, 4, 4, TopicConfig.DEFAULT_PERM));
        cluster.awaitRoute(TOPIC);
        clients = seed(cluster.namesrvAddr(), admin, "padm");
        offsetMsgId = clients.offsetMsgId();
        uniqueMsgId = clients.uniqueMsgId();
    }

    @AfterAll
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (admin != null) {
            admin.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private String broker() {
        return brokerAddr;
    }

    private void targetPetrel() {
        target(cluster.namesrvAddr(), cluster.broker().address(), admin);
    }

    private void target(String namesrvAddr, String broker, DefaultMQAdminExt resetAdmin) {
        current = resetAdmin;
        namesrv = namesrvAddr;
        brokerAddr = broker;
        outputs = new LinkedHashMap<>();
    }

    /** Runs Petrel's tool in this JVM, the NameServer given as NAMESRV_ADDR would give it. */
    private PetrelRun petrel(String... args) {
        return AdminOutputs.runPetrel(namesrv, args);
    }

    private String mask(String text, boolean sortLines) {
        Map<String, String> literals = new LinkedHashMap<>();
        literals.put(broker(), "@BROKER_ADDR@");
        literals.put(namesrv, "@NAMESRV_ADDR@");
        return AdminOutputs.mask(text, literals, sortLines);
    }

    /** Runs {@code reset} and the official command, again {@code reset} and Petrel's; keeps both masked outputs. */
    private void both(String label, boolean unordered, Runnable reset, String name, String... args) {
        both(label, unordered, reset, Function.identity(), name, args);
    }

    /** As above, each masked output then passed through {@code normalize}. */
    private void both(String label, boolean unordered, Runnable reset, Function<String, String> normalize,
                      String name, String... args) {
        both(label, unordered, reset, normalize, name, args, args);
    }

    /** As above, the official tool given {@code theirArgs} and Petrel's {@code ourArgs}. */
    private void both(String label, boolean unordered, Runnable reset, Function<String, String> normalize,
                      String name, String[] theirArgs, String[] ourArgs) {
        reset.run();
        String theirs = normalize.apply(mask(AdminOutputs.runOfficial(official, namesrv, name, theirArgs),
            unordered));
        reset.run();
        PetrelRun ours = petrel(prepend(name, ourArgs));
        String printed = ours.code() == 0 && ours.err().isEmpty() ? ours.out()
            : ours.out() + "\nFAILED(" + ours.code() + "): " + ours.err();
        outputs.put(label, new Outputs(theirs, normalize.apply(mask(printed, unordered))));
    }

    /**
     * For a command that prints a round, sleeps and prints again until stopped: each tool runs until its first round
     * (a heading and one line) is printed, then is interrupted as Ctrl-C would stop it.
     */
    private void bothFirstRound(String label, String name, String... args) throws InterruptedException {
        String theirs = mask(AdminOutputs.runOfficial(official, namesrv, name, args), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        MQAdmin tool = new MQAdmin(Commands.all(), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), namesrv);
        AdminOutputs.untilFirstRound(name, () -> tool.run(prepend(name, args)),
            () -> out.toString(StandardCharsets.UTF_8));
        String stopped = "mqadmin " + name + ": interrupted";
        String failure = err.toString(StandardCharsets.UTF_8).strip();
        String printed = out.toString(StandardCharsets.UTF_8) + (failure.equals(stopped) ? "" : "\nFAILED: " + failure);
        outputs.put(label, new Outputs(theirs, mask(printed, false)));
    }

    private void both(String label, String name, String... args) {
        both(label, false, () -> { }, name, args);
    }

    /**
     * An export command run by each tool into a directory of its own (the printed path masked): its output, and as
     * {@code label file} the JSON of {@code file} it wrote, members sorted, then passed through
     * {@code volatileValues}.
     */
    private void bothExport(String label, String file, Function<String, String> volatileValues, String name,
                            String... args) {
        exports++;
        Path theirDir = dir.resolve("export-" + exports + "-official");
        Path ourDir = dir.resolve("export-" + exports + "-petrel");
        Function<String, String> paths = text -> text.replace(theirDir.toString(), "@DIR@")
            .replace(ourDir.toString(), "@DIR@");
        both(label, false, () -> { }, paths, name, append(args, "-f", theirDir.toString()),
            append(args, "-f", ourDir.toString()));
        outputs.put(label + " " + file, new Outputs(volatileValues.apply(sortedJson(theirDir.resolve(file))),
            volatileValues.apply(sortedJson(ourDir.resolve(file)))));
    }

    private static String sortedJson(Path file) {
        try {
            return JSON.toJSONString(JSON.parse(Files.readString(file)), SerializerFeature.MapSortField,
                SerializerFeature.PrettyFormat);
        } catch (IOException e) {
            return "UNREADABLE: " + e;
        }
    }

    private static String[] append(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private Runnable createTopic(String topic, int perm) {
        return () -> {
            try {
                current.createAndUpdateTopicConfig(broker(), TopicConfig.of(topic, 3, 3, perm));
                // The broker registers the change with the NameServer, which the commands read the old perm from.
                Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                    current.examineTopicRouteInfo(topic).queueDatas().get(0).perm() == perm);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private Runnable createGroup(String group) {
        return () -> {
            try {
                current.createAndUpdateSubscriptionGroupConfig(broker(),
                    io.petrel.common.subscription.SubscriptionGroupConfig.defaults(group));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Clones the online group's offsets to {@link #CLONE_GROUP} again. */
    private Runnable reclone() {
        return () -> {
            try {
                current.cloneGroupOffset(CONSUMER_GROUP, CLONE_GROUP, TOPIC, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Waits until the group's offsets stop moving (the consumer commits every 5 s), so both tools see the same. */
    /**
     * Until {@code consumer} has taken every message and the broker holds its offsets (asked to commit them on each
     * poll rather than at its first scheduled commit, 10 s after its start): from then on no figure of the group
     * moves between the two tools' runs.
     */
    private void awaitSettledOffsets(DefaultMQPushConsumer consumer) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            consumer.getDefaultMQPushConsumerImpl().persistConsumerOffset();
            return current.examineConsumeStats(CONSUMER_GROUP).offsetTable().values().stream()
                .allMatch(o -> o.consumerOffset() == o.brokerOffset());
        });
    }

    @Test
    void printsWhatTheOfficialToolPrints() throws InterruptedException {
        targetPetrel();
        both("topicList", true, () -> { }, "topicList");
        both("topicList -c", true, () -> { }, "topicList", "-c");
        // Before any command that starts a producer of its own: only the test's clients are connected.
        both("producer", true, () -> { }, "producer", "-b", broker());
        both("topicStatus", "topicStatus", "-t", TOPIC);
        both("topicRoute", "topicRoute", "-t", TOPIC);
        both("topicRoute -l", "topicRoute", "-t", TOPIC, "-l");
        both("queryMsgById", "queryMsgById", "-i", offsetMsgId);
        both("queryMsgByUniqueKey", "queryMsgByUniqueKey", "-t", TOPIC, "-i", uniqueMsgId);
        both("queryMsgByUniqueKey -a", "queryMsgByUniqueKey", "-t", TOPIC, "-i", uniqueMsgId, "-a");
        both("queryMsgByOffset", "queryMsgByOffset", "-t", TOPIC, "-b", BROKER_NAME, "-i", "0", "-o", "0");
        both("queryMsgByOffset past the end", "queryMsgByOffset", "-t", TOPIC, "-b", BROKER_NAME, "-i", "0", "-o",
            "99");
        both("queryMsgByKey", "queryMsgByKey", "-t", TOPIC, "-k", "padm-key-1");
        both("printMsg", "printMsg", "-t", TOPIC);
        both("printMsg -s -d", "printMsg", "-t", TOPIC, "-s", "TagB", "-d", "false");
        both("printMsg -b -e", "printMsg", "-t", TOPIC, "-b", "0", "-e", "99999999999999", "-c", "UTF-8");
        both("printMsgByQueue", "printMsgByQueue", "-t", TOPIC, "-a", BROKER_NAME, "-i", "1");
        both("printMsgByQueue -p -d -f", "printMsgByQueue", "-t", TOPIC, "-a", BROKER_NAME, "-i", "1", "-p", "true",
            "-d", "true", "-f", "true");
        both("printMsgByQueue -s -f", "printMsgByQueue", "-t", TOPIC, "-a", BROKER_NAME, "-i", "2", "-s", "TagA",
            "-f", "true");
        both("consumeMessage", "consumeMessage", "-t", TOPIC);
        both("consumeMessage -c", "consumeMessage", "-t", TOPIC, "-c", "3");
        both("consumeMessage -b -i", "consumeMessage", "-t", TOPIC, "-b", BROKER_NAME, "-i", "1");
        both("consumeMessage -b -i -o -c", "consumeMessage", "-t", TOPIC, "-b", BROKER_NAME, "-i", "1", "-o", "1",
            "-c", "1");
        both("consumeMessage past the end", "consumeMessage", "-t", TOPIC, "-b", BROKER_NAME, "-i", "1", "-o",
            "50");
        both("consumeMessage -s -e", "consumeMessage", "-t", TOPIC, "-s", "0", "-e", "1000", "-g", "CG_PADM_READER");
        both("topicClusterList", "topicClusterList", "-t", TOPIC);
        both("clusterList", "clusterList");
        both("clusterList -m", "clusterList", "-m");
        both("updateTopic -b", "updateTopic", "-b", broker(), "-t", "PADM_NEW", "-r", "3", "-w", "3");
        both("updateTopic -c", "updateTopic", "-c", CLUSTER, "-t", "PADM_NEW", "-p", "6", "-u", "true");
        both("updateTopic -c -o", "updateTopic", "-c", CLUSTER, "-t", "PADM_ORDER", "-o", "true");
        both("updateTopic -b -o", "updateTopic", "-b", broker(), "-t", "PADM_ORDER", "-o", "true");
        both("updateTopicPerm -b", false, createTopic("PADM_NEW", 6), "updateTopicPerm", "-b", broker(), "-t",
            "PADM_NEW", "-p", "4");
        both("updateTopicPerm -b same perm", false, createTopic("PADM_NEW", 4), "updateTopicPerm", "-b", broker(),
            "-t", "PADM_NEW", "-p", "4");
        both("updateTopicPerm -b not a broker", false, createTopic("PADM_NEW", 6), "updateTopicPerm", "-b",
            "127.0.0.1:1", "-t", "PADM_NEW", "-p",
            "2");
        both("updateTopicPerm -c", false, createTopic("PADM_NEW", 6), "updateTopicPerm", "-c", CLUSTER, "-t",
            "PADM_NEW", "-p", "4");
        both("deleteTopic", false, createTopic("PADM_NEW", 6), "deleteTopic", "-c", CLUSTER, "-t", "PADM_NEW");
        both("updateSubGroup -b", "updateSubGroup", "-b", broker(), "-g", "CG_PADM");
        both("updateSubGroup -c", "updateSubGroup", "-c", CLUSTER, "-g", "CG_PADM", "-s", "false", "-m", "true",
            "-d", "true", "-q", "2", "-r", "5", "-i", "1", "-w", "0", "-a", "false");
        both("deleteSubGroup -b", false, createGroup("CG_PADM"), "deleteSubGroup", "-b", broker(), "-g", "CG_PADM");
        both("deleteSubGroup -c", false, createGroup("CG_PADM"), "deleteSubGroup", "-c", CLUSTER, "-g", "CG_PADM",
            "-r", "true");
        both("updateKvConfig", "updateKvConfig", "-s", "PADM_NS", "-k", "k1", "-v", "v1");
        both("deleteKvConfig", "deleteKvConfig", "-s", "PADM_NS", "-k", "k1");
        // Not PADM_ORDER: the brokers take a topic's order flag from this namespace when they register.
        both("updateOrderConf put", "updateOrderConf", "-t", "PADM_ORDER_CONF", "-m", "put", "-v", BROKER_NAME + ":4");
        both("updateOrderConf get", "updateOrderConf", "-t", "PADM_ORDER_CONF", "-m", "get");
        both("updateOrderConf delete", "updateOrderConf", "-t", "PADM_ORDER_CONF", "-m", "delete");
        both("wipeWritePerm", "wipeWritePerm", "-b", BROKER_NAME);
        both("addWritePerm", "addWritePerm", "-b", BROKER_NAME);
        both("sendMessage", "sendMessage", "-t", TOPIC, "-p", "hello", "-k", "k1", "-c", "TagA", "-b", BROKER_NAME,
            "-i", "1");
        both("sendMsgStatus", false, () -> { }, PetrelMqAdminTest::withoutQueuePositions, "sendMsgStatus", "-b",
            BROKER_NAME, "-s", "40", "-c", "3");
        awaitSettledOffsets(clients.consumer());
        both("consumerProgress -g", "consumerProgress", "-g", CONSUMER_GROUP);
        both("consumerProgress -g -s", "consumerProgress", "-g", CONSUMER_GROUP, "-s", "true");
        both("consumerProgress", true, () -> { }, "consumerProgress");
        both("statsAll -t", false, () -> { }, PetrelMqAdminTest::withoutStatsCounts, "statsAll", "-t", TOPIC);
        both("statsAll", true, () -> { }, PetrelMqAdminTest::withoutStatsCounts, "statsAll");
        both("producerConnection", "producerConnection", "-g", PRODUCER_GROUP, "-t", TOPIC);
        both("consumerConnection", "consumerConnection", "-g", CONSUMER_GROUP);
        both("consumerConnection -b", "consumerConnection", "-g", CONSUMER_GROUP, "-b", broker());
        // Runtime figures move between the two runs: their names and layout must match.
        Function<String, String> names = text -> text.replaceAll("(?m)^([^:]*): .*$", "$1:");
        both("brokerStatus -b", false, () -> { }, names, "brokerStatus", "-b", broker());
        both("brokerStatus -c", false, () -> { }, names, "brokerStatus", "-c", CLUSTER);
        both("updateBrokerConfig -b", "updateBrokerConfig", "-b", broker(), "-k", "fileReservedTime", "-v", "48");
        both("updateBrokerConfig -c", "updateBrokerConfig", "-c", CLUSTER, "-k", "fileReservedTime", "-v", "72");
        both("getBrokerConfig -b", true, () -> { }, "getBrokerConfig", "-b", broker());
        both("getBrokerConfig -c", true, () -> { }, "getBrokerConfig", "-c", CLUSTER);
        both("getNamesrvConfig", true, () -> { }, "getNamesrvConfig");
        bothExport("exportConfigs", "configs.json", Function.identity(), "exportConfigs", "-c", CLUSTER);
        bothExport("exportMetrics", "metrics.json", PetrelMqAdminTest::withoutMetricValues, "exportMetrics", "-c",
            CLUSTER);
        bothExport("exportMetadata -c", "metadata.json", PetrelMqAdminTest::withoutExportTime, "exportMetadata", "-c",
            CLUSTER);
        bothExport("exportMetadata -c -t -s", "topic.json", PetrelMqAdminTest::withoutExportTime, "exportMetadata",
            "-c", CLUSTER, "-t", "-s");
        bothExport("exportMetadata -c -g", "subscriptionGroup.json", PetrelMqAdminTest::withoutExportTime,
            "exportMetadata", "-c", CLUSTER, "-g");
        bothExport("exportMetadata -b -t", "topic.json", Function.identity(), "exportMetadata", "-b", broker(),
            "-t");
        bothExport("exportMetadata -b -g", "subscriptionGroup.json", Function.identity(), "exportMetadata", "-b",
            broker(), "-g");
        both("brokerConsumeStats", "brokerConsumeStats", "-b", broker());
        both("brokerConsumeStats -l -o -t", "brokerConsumeStats", "-b", broker(), "-l", "1", "-o", "false", "-t",
            "5000");
        both("cleanExpiredCQ -b", "cleanExpiredCQ", "-b", broker());
        both("cleanExpiredCQ -c", "cleanExpiredCQ", "-c", CLUSTER);
        both("deleteExpiredCommitLog -b", "deleteExpiredCommitLog", "-b", broker());
        both("deleteExpiredCommitLog -c", "deleteExpiredCommitLog", "-c", CLUSTER);
        both("cleanUnusedTopic -b", "cleanUnusedTopic", "-b", broker());
        both("cleanUnusedTopic -c", "cleanUnusedTopic", "-c", CLUSTER);
        both("cloneGroupOffset", "cloneGroupOffset", "-s", CONSUMER_GROUP, "-d", CLONE_GROUP, "-t", TOPIC);
        // The clone has offsets and no consumer online: the tools reset its offsets on the brokers themselves, each
        // run from the cloned offsets.
        Runnable reclone = reclone();
        both("resetOffsetByTime offline", true, reclone, "resetOffsetByTime", "-g", CLONE_GROUP, "-t", TOPIC,
            "-s", "2020-01-01#00:00:00:000", "-f", "false");
        both("resetOffsetByTime offline, in millis", true, reclone, "resetOffsetByTime", "-g", CLONE_GROUP, "-t",
            TOPIC, "-s", "1577836800000");
        both("skipAccumulatedMessage offline", true, reclone, "skipAccumulatedMessage", "-g", CLONE_GROUP, "-t",
            TOPIC);
        // Through the online consumer: to the end of each queue, where it already is.
        both("resetOffsetByTime online", true, () -> { }, "resetOffsetByTime", "-g", CONSUMER_GROUP, "-t", TOPIC,
            "-s", "now");
        both("skipAccumulatedMessage online", true, () -> { }, "skipAccumulatedMessage", "-g", CONSUMER_GROUP, "-t",
            TOPIC, "-f", "true");
        both("getConsumerConfig", "getConsumerConfig", "-g", CONSUMER_GROUP);
        both("allocateMQ", "allocateMQ", "-t", TOPIC, "-i", "client-a,client-b,client-c");
        both("queryCq", "queryCq", "-t", TOPIC, "-q", "1", "-i", "0", "-c", "3", "-g", CONSUMER_GROUP);
        both("queryCq -b", "queryCq", "-t", TOPIC, "-q", "0", "-i", "0", "-b", broker());
        both("allocateMQ one id", "allocateMQ", "-t", TOPIC, "-i", "client-a");
        both("updateNamesrvConfig", "updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "false");
        both("updateNamesrvConfig -n", "updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "false", "-n",
            namesrv);
        bothFirstRound("clusterRT", "clusterRT", "-a", "3", "-s", "64", "-i", "1");
        bothFirstRound("clusterRT -c", "clusterRT", "-a", "2", "-c", CLUSTER);
        // Last: its sends move the online group's offsets.
        both("checkMsgSendRT", false, () -> { }, PetrelMqAdminTest::withoutSendTimes, "checkMsgSendRT", "-t", TOPIC,
            "-a", "5", "-s", "64");
        AdminOutputs.assertSame(outputs, "petrel-mqadmin.txt");
    }

    /** Against an official 4.9.7 NameServer and broker, the commands that read and those that change settings. */
    @Test
    void printsWhatTheOfficialToolPrintsAgainstAnOfficialCluster() throws Exception {
        try (OfficialNamesrv ns = OfficialNamesrv.start(dir.resolve("official-namesrv"), List.of());
             OfficialBroker b = OfficialBroker.start(dir.resolve("official-broker"), "broker-a", ns.address())) {
            DefaultMQAdminExt officialAdmin = startAdmin(ns.address(), "padm-official");
            try {
                target(ns.address(), b.address(), officialAdmin);
                officialAdmin.createAndUpdateTopicConfig(b.address(), TopicConfig.of(TOPIC, 4, 4, 6));
                Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    !officialAdmin.examineTopicRouteInfo(TOPIC).queueDatas().isEmpty());
                try (Clients seeded = seed(ns.address(), officialAdmin, "padm-official")) {
                    againstOfficialCluster(b, seeded);
                }
            } finally {
                officialAdmin.shutdown();
            }
        } finally {
            targetPetrel();
        }
    }

    private void againstOfficialCluster(OfficialBroker b, Clients seeded) throws Exception {
        both("topicList", true, () -> { }, "topicList");
        both("topicRoute", "topicRoute", "-t", TOPIC);
        both("topicRoute -l", "topicRoute", "-t", TOPIC, "-l");
        both("topicStatus", "topicStatus", "-t", TOPIC);
        both("topicClusterList", "topicClusterList", "-t", TOPIC);
        both("clusterList -m", "clusterList", "-m");
        both("updateTopic -b", "updateTopic", "-b", b.address(), "-t", "PADM_NEW", "-r", "3", "-w", "3");
        both("producer", true, () -> { }, "producer", "-b", b.address());
        both("updateSubGroup -b", "updateSubGroup", "-b", b.address(), "-g", "CG_PADM");
        both("deleteSubGroup -b", "deleteSubGroup", "-b", b.address(), "-g", "CG_PADM");
        both("updateKvConfig", "updateKvConfig", "-s", "PADM_NS", "-k", "k1", "-v", "v1");
        both("deleteKvConfig", "deleteKvConfig", "-s", "PADM_NS", "-k", "k1");
        both("updateOrderConf put", "updateOrderConf", "-t", "PADM_ORDER_CONF", "-m", "put", "-v", "broker-a:4");
        both("updateOrderConf get", "updateOrderConf", "-t", "PADM_ORDER_CONF", "-m", "get");
        both("updateOrderConf delete", "updateOrderConf", "-t", "PADM_ORDER_CONF", "-m", "delete");
        both("wipeWritePerm", "wipeWritePerm", "-b", "broker-a");
        both("addWritePerm", "addWritePerm", "-b", "broker-a");
        both("getBrokerConfig -b", true, () -> { }, "getBrokerConfig", "-b", b.address());
        both("getNamesrvConfig", true, () -> { }, "getNamesrvConfig");
        bothExport("exportConfigs", "configs.json", Function.identity(), "exportConfigs", "-c",
            OfficialBroker.CLUSTER);
        bothExport("exportMetrics", "metrics.json", PetrelMqAdminTest::withoutMetricValues, "exportMetrics",
            "-c", OfficialBroker.CLUSTER);
        bothExport("exportMetadata -c", "metadata.json", PetrelMqAdminTest::withoutExportTime, "exportMetadata",
            "-c", OfficialBroker.CLUSTER);
        bothExport("exportMetadata -b -t -s", "topic.json", Function.identity(), "exportMetadata", "-b",
            b.address(), "-t", "-s");
        bothExport("exportMetadata -b -g", "subscriptionGroup.json", Function.identity(), "exportMetadata",
            "-b", b.address(), "-g");
        Function<String, String> names = text -> text.replaceAll("(?m)^([^:]*): .*$", "$1:");
        both("brokerStatus -b", false, () -> { }, names, "brokerStatus", "-b", b.address());
        both("sendMessage", "sendMessage", "-t", TOPIC, "-p", "hello", "-k", "k1", "-c", "TagA", "-b",
            "broker-a", "-i", "1");
        // The online consumer takes the message and commits its offset within 5 s: the figures below must not move
        // between the two tools' runs.
        awaitSettledOffsets(seeded.consumer());
        both("consumeMessage -b -i", "consumeMessage", "-t", TOPIC, "-b", "broker-a", "-i", "1");
        both("printMsg", "printMsg", "-t", TOPIC);
        both("printMsgByQueue -p -f", "printMsgByQueue", "-t", TOPIC, "-a", "broker-a", "-i", "1", "-p", "true",
            "-f", "true");
        both("sendMsgStatus", false, () -> { }, PetrelMqAdminTest::withoutQueuePositions, "sendMsgStatus", "-b",
            "broker-a", "-c", "2");
        both("statsAll -t", false, () -> { }, PetrelMqAdminTest::withoutStatsCounts, "statsAll", "-t", TOPIC);
        both("brokerConsumeStats", "brokerConsumeStats", "-b", b.address());
        both("cleanExpiredCQ -b", "cleanExpiredCQ", "-b", b.address());
        both("deleteExpiredCommitLog -b", "deleteExpiredCommitLog", "-b", b.address());
        both("cleanUnusedTopic -b", "cleanUnusedTopic", "-b", b.address());
        both("allocateMQ", "allocateMQ", "-t", TOPIC, "-i", "client-a,client-b,client-c");
        both("updateSubGroup -b again", "updateSubGroup", "-b", b.address(), "-g", "CG_PADM");
        both("getConsumerConfig", "getConsumerConfig", "-g", "CG_PADM");
        both("queryCq", "queryCq", "-t", TOPIC, "-q", "1", "-i", "0", "-c", "2");
        both("checkMsgSendRT", false, () -> { }, PetrelMqAdminTest::withoutSendTimes, "checkMsgSendRT", "-t",
            TOPIC, "-a", "3");
        awaitSettledOffsets(seeded.consumer());
        both("queryMsgById", "queryMsgById", "-i", seeded.offsetMsgId());
        both("queryMsgByUniqueKey", "queryMsgByUniqueKey", "-t", TOPIC, "-i", seeded.uniqueMsgId());
        both("queryMsgByOffset", "queryMsgByOffset", "-t", TOPIC, "-b", "broker-a", "-i", "0", "-o", "0");
        both("queryMsgByKey", "queryMsgByKey", "-t", TOPIC, "-k", "padm-key-1");
        both("consumerProgress -g", "consumerProgress", "-g", CONSUMER_GROUP);
        both("producerConnection", "producerConnection", "-g", PRODUCER_GROUP, "-t", TOPIC);
        both("consumerConnection", "consumerConnection", "-g", CONSUMER_GROUP);
        both("updateBrokerConfig -b", "updateBrokerConfig", "-b", b.address(), "-k", "fileReservedTime", "-v",
            "48");
        both("updateNamesrvConfig", "updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "false");
        both("updateTopicPerm -b", false, createTopic("PADM_NEW", 6), "updateTopicPerm", "-b", b.address(), "-t",
            "PADM_NEW", "-p", "4");
        both("deleteTopic", false, createTopic("PADM_NEW", 6), "deleteTopic", "-c", OfficialBroker.CLUSTER, "-t",
            "PADM_NEW");
        both("cloneGroupOffset", "cloneGroupOffset", "-s", CONSUMER_GROUP, "-d", CLONE_GROUP, "-t", TOPIC);
        both("resetOffsetByTime offline", true, reclone(), "resetOffsetByTime", "-g", CLONE_GROUP, "-t", TOPIC,
            "-s", "2020-01-01#00:00:00:000", "-f", "false");
        both("skipAccumulatedMessage offline", true, reclone(), "skipAccumulatedMessage", "-g", CLONE_GROUP,
            "-t", TOPIC);
        both("resetOffsetByTime online", true, () -> { }, "resetOffsetByTime", "-g", CONSUMER_GROUP, "-t", TOPIC,
            "-s", "now");
        bothFirstRound("clusterRT", "clusterRT", "-a", "2", "-i", "1");
        AdminOutputs.assertSame(outputs, "petrel-mqadmin-official-cluster.txt");
    }

    @Test
    void listsItsCommandsInTheOfficialOrder() {
        targetPetrel();
        PetrelRun run = petrel();
        assertEquals(0, run.code());
        List<String> ours = run.out().lines().filter(l -> l.startsWith("   ")).map(String::strip).toList();
        List<String> theirs = new ArrayList<>();
        for (SubCommand c : official.values()) {
            String line = String.format("%-20s %s", c.commandName(), c.commandDesc()).strip();
            if (Commands.all().stream().anyMatch(p -> p.name().equals(c.commandName()))) {
                theirs.add(line);
            }
        }
        assertEquals(theirs, ours);
        assertEquals(Commands.all().size(), ours.size());
        assertEquals(official.size(), ours.size(), "every subcommand of 4.9.7's mqadmin");
    }

    /**
     * The day's put and get counts of each line: the brokers' last-minute window slides between the two runs (the
     * rates are masked with every decimal).
     */
    private static String withoutStatsCounts(String text) {
        return text.replaceAll("(?m) \\d+ (\\d+|NO_CONSUMER)$", " @N@ $1").replaceAll("(?m) @N@ \\d+$", " @N@ @N@");
    }

    /** When a cluster export was made. */
    private static String withoutExportTime(String json) {
        return json.replaceAll("\"exportTime\":\\d+", "\"exportTime\":@MILLIS@");
    }

    /** The load figures of a metrics export, which move between the two runs: their names must match. */
    private static String withoutMetricValues(String json) {
        return json.replaceAll("(\"\\w*(Tps|Num|Ratio|KBytes|AverageSize)\"):\"?[-\\d.E]+\"?", "$1:@N@");
    }

    /** The time column of each send's line. */
    private static String withoutSendTimes(String text) {
        return text.replaceAll("(?m)^(\\S+ \\d+ \\S+) \\d+$", "$1 @RT@");
    }

    /** The queue a send went to and its offset there, which follow the producer's random start. */
    private static String withoutQueuePositions(String text) {
        return text.replaceAll("queueId=\\d+", "queueId=@N@").replaceAll("queueOffset=\\d+", "queueOffset=@N@");
    }

    /** Every option Petrel's commands take is one the official command takes: same names, argument and need. */
    @Test
    void takesTheOfficialOptions() {
        List<String> differences = new ArrayList<>();
        for (io.petrel.tools.command.SubCommand ours : Commands.all()) {
            org.apache.commons.cli.Options theirs = official.get(ours.name())
                .buildCommandlineOptions(new org.apache.commons.cli.Options());
            org.apache.commons.cli.Options mine = new org.apache.commons.cli.Options();
            ours.addOptions(mine);
            for (org.apache.commons.cli.Option o : mine.getOptions()) {
                org.apache.commons.cli.Option t = theirs.getOption(o.getOpt());
                if (t == null || !String.valueOf(t.getLongOpt()).strip().equals(o.getLongOpt())
                    || t.hasArg() != o.hasArg() || t.isRequired() != o.isRequired()) {
                    differences.add(ours.name() + " -" + o.getOpt() + " --" + o.getLongOpt() + " arg=" + o.hasArg()
                        + " required=" + o.isRequired() + " vs " + (t == null ? "none" : "--" + t.getLongOpt()
                        + " arg=" + t.hasArg() + " required=" + t.isRequired()));
                }
            }
        }
        assertEquals(List.of(), differences);
    }

    /** Bad input to the commands that change offsets or ask brokers for work: one line on stderr, a failed run. */
    @Test
    void badInputIsOneLineOnStderr() {
        targetPetrel();
        List<List<String>> runs = List.of(
            List.of("cleanExpiredCQ"),
            List.of("cleanUnusedTopic", "-c", "PADM_NO_SUCH_CLUSTER"),
            List.of("brokerConsumeStats", "-b", "127.0.0.1:1"),
            List.of("brokerConsumeStats", "-b", broker(), "-l", "many"),
            List.of("resetOffsetByTime", "-g", CONSUMER_GROUP, "-t", "PADM_NO_SUCH_TOPIC", "-s", "now"),
            List.of("resetOffsetByTime", "-g", CONSUMER_GROUP, "-t", TOPIC, "-s", "yesterday"),
            List.of("skipAccumulatedMessage", "-g", CONSUMER_GROUP),
            List.of("cloneGroupOffset", "-s", CONSUMER_GROUP, "-d", CLONE_GROUP, "-t", "PADM_NO_SUCH_TOPIC"),
            List.of("cleanExpiredCQ", "-c", CLUSTER, "-n", "127.0.0.1:1"),
            List.of("getConsumerConfig", "-g", "CG_PADM_NO_SUCH_GROUP"),
            List.of("allocateMQ", "-t", "PADM_NO_SUCH_TOPIC", "-i", "10.0.0.1"),
            List.of("queryCq", "-t", "PADM_NO_SUCH_TOPIC", "-q", "0", "-i", "0"),
            List.of("queryCq", "-t", TOPIC, "-q", "zero", "-i", "0"),
            List.of("queryCq", "-t", TOPIC, "-q", "0", "-i", "50"),
            List.of("checkMsgSendRT", "-t", "PADM_NO_SUCH_TOPIC"),
            List.of("clusterRT", "-c", "PADM_NO_SUCH_CLUSTER"),
            List.of("sendMsgStatus", "-b", BROKER_NAME, "-c", "many"),
            List.of("producer", "-b", "127.0.0.1:1"),
            List.of("exportConfigs", "-c", "PADM_NO_SUCH_CLUSTER", "-f", dir.resolve("export-bad").toString()),
            List.of("exportMetadata", "-c", "PADM_NO_SUCH_CLUSTER", "-f", dir.resolve("export-bad").toString()),
            List.of("exportMetadata", "-b", "127.0.0.1:1", "-t", "-f", dir.resolve("export-bad").toString()),
            List.of("exportMetadata", "-f", dir.resolve("export-bad").toString()),
            List.of("exportMetrics", "-c", "PADM_NO_SUCH_CLUSTER", "-f", dir.resolve("export-bad").toString()),
            List.of("updateOrderConf", "-t", "PADM_ORDER_CONF", "-m", "put"),
            List.of("updateOrderConf", "-t", "PADM_NO_SUCH_ORDER", "-m", "get"),
            List.of("updateOrderConf", "-t", "PADM_ORDER_CONF", "-m", "list"),
            List.of("consumeMessage", "-t", TOPIC, "-c", "0"),
            List.of("consumeMessage", "-t", TOPIC, "-i", "1"),
            List.of("consumeMessage", "-t", TOPIC, "-b", BROKER_NAME, "-o", "1"),
            List.of("consumeMessage", "-t", TOPIC, "-s", "99999999999999"),
            List.of("consumeMessage", "-t", "PADM_NO_SUCH_TOPIC"),
            List.of("printMsg", "-t", TOPIC, "-c", "NO-SUCH-CHARSET"),
            List.of("printMsg", "-t", TOPIC, "-b", "yesterday"),
            List.of("printMsgByQueue", "-t", TOPIC, "-a", BROKER_NAME, "-i", "one"));
        for (List<String> args : runs) {
            PetrelRun run = petrel(args.toArray(String[]::new));
            assertNotEquals(0, run.code(), args.toString());
            assertEquals(1, run.err().lines().count(), args + ": " + run.err());
            assertTrue(run.err().startsWith("mqadmin " + args.get(0) + ": "), run.err());
        }
    }

    @Test
    void anUnknownTopicIsOneLineOnStderr() {
        targetPetrel();
        PetrelRun run = petrel("topicStatus", "-t", "PADM_NO_SUCH_TOPIC");
        assertNotEquals(0, run.code());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("mqadmin topicStatus: "), run.err());
    }

    @Test
    void anUnreachableNameServerIsOneLineOnStderr() {
        targetPetrel();
        PetrelRun run = petrel("topicList", "-n", "127.0.0.1:1");
        assertNotEquals(0, run.code());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("mqadmin topicList: "), run.err());
    }
}
