package io.petrel.test.surface;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.official.OfficialBroker;
import io.petrel.test.surface.AdminOutputs.Outputs;
import io.petrel.test.surface.SideBySide.Side;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo;
import org.apache.rocketmq.store.stats.BrokerStatsManager;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.apache.rocketmq.tools.command.SubCommand;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official 4.9.7 {@code mqadmin} subcommands run, in this JVM and in one script of actions, against an official
 * NameServer and broker and against Petrel's; each command's output must be the same once the values that differ by
 * nature are masked (addresses, broker and cluster names, client ids, message ids, times, rates).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
class MqAdminSideBySideTest {
    private static final String TOPIC = "ADM_SURFACE";
    private static final String GROUP = "CG_ADM_SURFACE";
    private static final String PRODUCER_GROUP = "PG_SIDE_BY_SIDE";

    @TempDir
    static Path dir;
    private SideBySide sides;
    private final Map<Side, String> msgIds = new EnumMap<>(Side.class);
    private final Map<Side, String> offsetMsgIds = new EnumMap<>(Side.class);
    private final Map<Side, String> consumerClientIds = new EnumMap<>(Side.class);
    private Map<String, SubCommand> commands;

    @BeforeAll
    void script() throws Exception {
        commands = AdminOutputs.officialCommands();
        // One broker and cluster name on both sides: the official tools order hash tables of queues, whose order
        // follows the broker name, and CommitLog offsets follow the length of the CLUSTER property.
        Properties petrel = new Properties();
        petrel.setProperty("brokerName", SideBySide.OFFICIAL_BROKER);
        petrel.setProperty("brokerClusterName", OfficialBroker.CLUSTER);
        sides = SideBySide.start(dir, List.of(), petrel);
        for (Side side : Side.values()) {
            var producer = side == Side.OFFICIAL ? sides.officialSideProducer() : sides.petrelSideProducer();
            for (int i = 0; i < 10; i++) {
                Message m = new Message(TOPIC, "TagA", ("a-" + i).getBytes(StandardCharsets.UTF_8));
                m.setKeys("adm-key-" + i);
                SendResult r = producer.send(m, (mqs, msg, arg) -> mqs.get(0), null);
                if (i == 0) {
                    msgIds.put(side, r.getMsgId());
                    offsetMsgIds.put(side, r.getOffsetMsgId());
                }
            }
        }
        sides.awaitRoutes(TOPIC);
        consumerClientIds.putAll(sides.consumeOnBoth(TOPIC, GROUP, 10));
    }

    @AfterAll
    void stop() {
        if (sides != null) {
            sides.close();
        }
    }

    private String cluster(Side side) {
        return OfficialBroker.CLUSTER;
    }

    private String brokerName(Side side) {
        return SideBySide.OFFICIAL_BROKER;
    }

    /** Runs one official subcommand against one side, its standard output captured. */
    private String run(Side side, String name, String... args) {
        return AdminOutputs.runOfficial(commands, sides.namesrvAddr(side), name, args);
    }

    /** Replaces what differs between the two sides by nature with placeholders. */
    private String mask(Side side, String text, boolean sortLines) {
        Map<String, String> literals = new LinkedHashMap<>();
        literals.put(sides.brokerAddr(side), "@BROKER_ADDR@");
        literals.put(sides.namesrvAddr(side), "@NAMESRV_ADDR@");
        literals.put(dir.resolve("export-" + side).toString(), "@EXPORT_DIR@");
        literals.put(dir.resolve(side == Side.OFFICIAL ? "official-broker" : "petrel").resolve("store").toString(),
            "@STORE@");
        literals.put(consumerClientIds.get(side), "@CONSUMER_CLIENT@");
        literals.put(msgIds.get(side), "@MSG_ID@");
        literals.put(offsetMsgIds.get(side), "@OFFSET_MSG_ID@");
        return AdminOutputs.mask(text, literals, sortLines);
    }

    private final Map<String, Outputs> outputs = new LinkedHashMap<>();

    private void both(String label, String name, Function<Side, String[]> args) {
        both(label, name, false, args);
    }

    /** Runs a command on both sides, each output passed through {@code normalize} after masking. */
    private void both(String label, String name, Function<Side, String[]> args, Function<String, String> normalize) {
        String official = normalize.apply(mask(Side.OFFICIAL, run(Side.OFFICIAL, name, args.apply(Side.OFFICIAL)),
            false));
        String petrel = normalize.apply(mask(Side.PETREL, run(Side.PETREL, name, args.apply(Side.PETREL)), false));
        outputs.put(label, new Outputs(official, petrel));
    }

    /** Runs a command on both sides; {@code unordered}: the command lists a hash table, compare its lines as a set. */
    private void both(String label, String name, boolean unordered, Function<Side, String[]> args) {
        String official = mask(Side.OFFICIAL, run(Side.OFFICIAL, name, args.apply(Side.OFFICIAL)), unordered);
        String petrel = mask(Side.PETREL, run(Side.PETREL, name, args.apply(Side.PETREL)), unordered);
        outputs.put(label, new Outputs(official, petrel));
    }

    /**
     * A command printing {@code key = value} settings: the official side's keys must all be printed by Petrel with
     * the same values, except {@code masked} keys whose values come from the set-up; Petrel's own extra keys are
     * left out of the comparison.
     */
    private void bothSettings(String label, String name, Function<Side, String[]> args, Set<String> masked) {
        bothSettings(label, name, args, masked, " = ");
    }

    private void bothSettings(String label, String name, Function<Side, String[]> args, Set<String> masked,
                              String separator) {
        Map<String, String> official = settings(mask(Side.OFFICIAL, run(Side.OFFICIAL, name,
            args.apply(Side.OFFICIAL)), false), masked, separator);
        Map<String, String> petrel = settings(mask(Side.PETREL, run(Side.PETREL, name, args.apply(Side.PETREL)),
            false), masked, separator);
        petrel.keySet().retainAll(official.keySet());
        outputs.put(label, new Outputs(official.toString(), petrel.toString()));
    }

    private static Map<String, String> settings(String text, Set<String> masked, String separator) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf(separator.strip().equals(":") ? ":" : separator);
            if (eq > 0) {
                String key = line.substring(0, eq).strip();
                m.put(key, masked.contains(key) ? "@SET_UP@"
                    : line.substring(eq + (separator.strip().equals(":") ? 1 : separator.length())).strip());
            } else {
                m.put(line, "");
            }
        }
        return m;
    }

    /**
     * What {@code mqadmin startMonitoring} does each round (it runs until killed and reports only to its log): one
     * round of the official monitor against each cluster, its reports compared.
     */
    private void bothMonitoringRounds(String label) throws Exception {
        Map<Side, String> reports = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<String> lines = AdminOutputs.officialMonitorRound(sides.namesrvAddr(side),
                undone -> undone.getConsumerGroup() + " " + undone.getTopic() + " total=" + undone.getUndoneMsgsTotal()
                    + " singleQueue=" + undone.getUndoneMsgsSingleMQ(),
                infos -> infos.values().stream().map(info -> "running " + info.getProperties()
                    .getProperty(ConsumerRunningInfo.PROP_CONSUME_TYPE) + " subscriptions="
                    + info.getSubscriptionSet().stream().map(d -> d.getTopic()).sorted().toList() + " queues="
                    + info.getMqTable().size()).toList());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("running ")), side + ": " + lines);
            // A retry queue is reported once a client has seen the retry topic's route (at once or at its next
            // 30-second refresh, on either side).
            // The monitor's own consumer (of OFFSET_MOVED_EVENT) is reported once its retry topic is listed.
            reports.put(side, lines.stream().filter(l -> !l.contains(" %RETRY%") && !l.contains("OFFSET_MOVED_EVENT"))
                .map(l -> l.replaceAll("queues=\\d+", "queues=@N@")).sorted()
                .collect(java.util.stream.Collectors.joining("\n")));
        }
        outputs.put(label, new Outputs(reports.get(Side.OFFICIAL), reports.get(Side.PETREL)));
    }

    /**
     * Waits until both brokers' last-minute statistics hold {@code puts} puts to the topic and as many gets by the
     * group (each broker samples every 10 s on its own clock), and the group has committed all it consumed.
     */
    private void settle(int puts) throws Exception {
        DefaultMQAdminExt[] admins = new DefaultMQAdminExt[2];
        try {
            for (Side side : Side.values()) {
                DefaultMQAdminExt a = new DefaultMQAdminExt();
                a.setNamesrvAddr(sides.namesrvAddr(side));
                a.setInstanceName("adm-settle-" + System.nanoTime());
                a.start();
                admins[side.ordinal()] = a;
            }
            Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> {
                for (Side side : Side.values()) {
                    DefaultMQAdminExt a = admins[side.ordinal()];
                    String addr = sides.brokerAddr(side);
                    if (a.viewBrokerStatsData(addr, BrokerStatsManager.TOPIC_PUT_NUMS, TOPIC).getStatsMinute()
                        .getSum() != puts
                        || a.viewBrokerStatsData(addr, BrokerStatsManager.GROUP_GET_NUMS, TOPIC + "@" + GROUP)
                        .getStatsMinute().getSum() != puts
                        || a.examineConsumeStats(GROUP, TOPIC).computeTotalDiff() != 0) {
                        return false;
                    }
                }
                return true;
            });
        } finally {
            for (DefaultMQAdminExt a : admins) {
                if (a != null) {
                    a.shutdown();
                }
            }
        }
    }

    @Test
    void sameOutputsAsAgainstAnOfficialBroker() throws Exception {
        both("topicList", "topicList", true, s -> new String[] {});
        both("topicRoute", "topicRoute", s -> new String[] {"-t", TOPIC});
        both("topicStatus", "topicStatus", s -> new String[] {"-t", TOPIC});
        both("topicClusterList", "topicClusterList", s -> new String[] {"-t", TOPIC});
        both("clusterList", "clusterList", s -> new String[] {});
        both("updateTopic", "updateTopic", s -> new String[] {"-b", sides.brokerAddr(s), "-t", "ADM_CREATED",
            "-r", "3", "-w", "3"});
        both("updateTopicPerm", "updateTopicPerm", s -> new String[] {"-b", sides.brokerAddr(s), "-t",
            "ADM_CREATED", "-p", "4"});
        both("deleteTopic", "deleteTopic", s -> new String[] {"-c", cluster(s), "-t", "ADM_CREATED"});
        both("updateSubGroup", "updateSubGroup", s -> new String[] {"-b", sides.brokerAddr(s), "-g", "CG_ADM_NEW"});
        both("deleteSubGroup", "deleteSubGroup", s -> new String[] {"-b", sides.brokerAddr(s), "-g", "CG_ADM_NEW"});
        both("queryMsgById", "queryMsgById", s -> new String[] {"-i", offsetMsgIds.get(s)});
        both("queryMsgByKey", "queryMsgByKey", s -> new String[] {"-t", TOPIC, "-k", "adm-key-3"});
        both("queryMsgByUniqueKey", "queryMsgByUniqueKey", s -> new String[] {"-t", TOPIC, "-i", msgIds.get(s)});
        both("queryMsgByOffset", "queryMsgByOffset", s -> new String[] {"-t", TOPIC, "-b", brokerName(s), "-i",
            "0", "-o", "1"});
        both("printMsgByQueue", "printMsgByQueue", s -> new String[] {"-t", TOPIC, "-a", brokerName(s), "-i", "0",
            "-b", "0", "-e", "99999999999999"});
        both("producerConnection", "producerConnection", s -> new String[] {"-g", PRODUCER_GROUP, "-t", TOPIC});
        both("consumerConnection", "consumerConnection", s -> new String[] {"-g", GROUP});
        both("getConsumerConfig", "getConsumerConfig", s -> new String[] {"-g", GROUP});
        both("allocateMQ", "allocateMQ", s -> new String[] {"-t", TOPIC, "-i", "10.0.0.1,10.0.0.2"});
        both("updateKvConfig", "updateKvConfig", s -> new String[] {"-s", "ADM_NS", "-k", "k1", "-v", "v1"});
        both("deleteKvConfig", "deleteKvConfig", s -> new String[] {"-s", "ADM_NS", "-k", "k1"});
        both("updateOrderConf", "updateOrderConf", s -> new String[] {"-k", TOPIC, "-v", brokerName(s) + ":4",
            "-m", "put"});
        both("updateOrderConf get", "updateOrderConf", s -> new String[] {"-k", TOPIC, "-m", "get"});
        both("updateOrderConf delete", "updateOrderConf", s -> new String[] {"-k", TOPIC, "-m", "delete"});
        both("wipeWritePerm", "wipeWritePerm", s -> new String[] {"-b", brokerName(s)});
        both("addWritePerm", "addWritePerm", s -> new String[] {"-b", brokerName(s)});
        both("sendMessage", "sendMessage", s -> new String[] {"-t", TOPIC, "-p", "hello", "-k", "k", "-c", "TagA",
            "-b", brokerName(s), "-i", "1"});
        // Statistics and consume progress, once each broker has sampled every put and get and the consumer has
        // committed what it consumed.
        settle(11);
        // The group's retry queue shows once a client has committed an offset for it, which follows when the client
        // first sees the retry topic's route (at once or at its next 30-second refresh, on either side).
        both("consumerProgress", "consumerProgress", s -> new String[] {"-g", GROUP},
            text -> text.lines().filter(l -> !l.startsWith("%RETRY%")).collect(java.util.stream.Collectors.joining("\n")));
        // Its TPS column is the last minute's rate, which moves with each broker's own 10-second sampling.
        both("consumerProgress of all groups", "consumerProgress", s -> new String[] {},
            text -> text.replaceAll("(?m)^(\\S+ \\d+ \\S+ \\S+ \\S+) \\d+ ", "$1 @TPS@ "));
        bothSettings("brokerStatus", "brokerStatus", s -> new String[] {"-b", sides.brokerAddr(s)}, Set.of(
            "bootTimestamp", "runtime", "getMessageEntireTimeMax", "putMessageEntireTimeMax", "msgGetTotalTodayNow",
            "commitLogDiskRatio", "commitLogDiskRatio_@STORE@/commitlog", "consumeQueueDiskRatio",
            "commitLogDirCapacity", "remainHowManyDataToFlush", "putLatency99", "putLatency999", "putTps",
            "getFoundTps", "getMissTps", "getTransferedTps", "getTotalTps",
            // 4.9.7 always answers 0; Petrel the largest dispatch backlog it has seen.
            "dispatchMaxBuffer",
            // 4.9.7 answers -1 until twice maxMessageSize of CommitLog is written; Petrel the real time.
            "earliestMessageTimeStamp"), ":");
        both("brokerConsumeStats", "brokerConsumeStats", s -> new String[] {"-b", sides.brokerAddr(s)});
        bothMonitoringRounds("startMonitoring (one round of its monitor, which reports only to its log)");
        both("statsAll", "statsAll", true, s -> new String[] {"-t", TOPIC});
        both("getBrokerConfig of a missing broker", "getBrokerConfig", s -> new String[] {"-b", "127.0.0.1:1"});
        both("printMsg", "printMsg", s -> new String[] {"-t", TOPIC, "-b", "0", "-e", "99999999999999"});
        both("consumeMessage", "consumeMessage", s -> new String[] {"-t", TOPIC, "-b", brokerName(s), "-i", "0",
            "-o", "2", "-c", "2"});
        both("sendMsgStatus", "sendMsgStatus", s -> new String[] {"-b", brokerName(s), "-s", "128", "-c", "2"});
        // Petrel's NameServer has settings of its own; every setting the official one prints must be there, alike,
        // but for the port and paths of the test set-up and Petrel's default of the epoll transport.
        bothSettings("getNamesrvConfig", "getNamesrvConfig", s -> new String[] {}, Set.of("listenPort",
            "rocketmqHome", "configStorePath", "kvConfigPath", "useEpollNativeSelector"));
        both("updateNamesrvConfig", "updateNamesrvConfig", s -> new String[] {"-k", "orderMessageEnable", "-v",
            "false"});
        both("updateBrokerConfig", "updateBrokerConfig", s -> new String[] {"-b", sides.brokerAddr(s), "-k",
            "fileReservedTime", "-v", "24"});
        both("queryMsgTraceById", "queryMsgTraceById", s -> new String[] {"-i", msgIds.get(s)});
        both("exportMetadata", "exportMetadata", s -> new String[] {"-c", cluster(s), "-f",
            dir.resolve("export-" + s).toString()});
        both("exportConfigs", "exportConfigs", s -> new String[] {"-c", cluster(s), "-f",
            dir.resolve("export-" + s).toString()});
        // consumerStatus writes each client's running info under a directory named by the time, in the working
        // directory: remove what it wrote.
        Set<Path> before = AdminOutputs.timeNamedDirs();
        try {
            both("consumerStatus", "consumerStatus", s -> new String[] {"-g", GROUP});
        } finally {
            AdminOutputs.deleteTimeNamedDirsSince(before);
        }
        both("cloneGroupOffset", "cloneGroupOffset", s -> new String[] {"-s", GROUP, "-d", "CG_ADM_CLONE", "-t",
            TOPIC});
        both("producer", "producer", true, s -> new String[] {"-b", sides.brokerAddr(s)});
        both("queryCq", "queryCq", s -> new String[] {"-t", TOPIC, "-q", "0", "-i", "0", "-c", "3", "-g", GROUP});
        both("cleanExpiredCQ", "cleanExpiredCQ", s -> new String[] {"-b", sides.brokerAddr(s)});
        both("deleteExpiredCommitLog", "deleteExpiredCommitLog", s -> new String[] {"-b", sides.brokerAddr(s)});
        both("cleanUnusedTopic", "cleanUnusedTopic", s -> new String[] {"-b", sides.brokerAddr(s)});
        both("exportMetrics", "exportMetrics", s -> new String[] {"-c", cluster(s), "-f",
            dir.resolve("export-" + s).toString()});
        both("checkMsgSendRT", "checkMsgSendRT", s -> new String[] {"-t", TOPIC, "-a", "3", "-s", "64"},
            text -> text.replaceAll("(?m)^(\\S+ \\d+ \\S+) \\d+$", "$1 @RT@"));
        both("clusterRT", "clusterRT", s -> new String[] {"-a", "3", "-s", "64", "-i", "1"});
        both("resetOffsetByTime", "resetOffsetByTime", s -> new String[] {"-g", GROUP, "-t", TOPIC, "-s", "now"});
        both("skipAccumulatedMessage", "skipAccumulatedMessage", s -> new String[] {"-g", GROUP, "-t", TOPIC});

        AdminOutputs.assertSame(outputs, "mqadmin-side-by-side.txt");
    }
}
