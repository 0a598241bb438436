package io.petrel.test.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.petrel.test.surface.AdminOutputs;
import io.petrel.test.surface.AdminOutputs.Outputs;
import io.petrel.tools.command.Commands;
import io.petrel.tools.command.MQAdmin;
import io.petrel.tools.monitor.DefaultMonitorListener;
import io.petrel.tools.trace.TraceDataDecoder;
import io.petrel.tools.trace.TraceRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.rocketmq.client.AccessChannel;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.trace.TraceBean;
import org.apache.rocketmq.client.trace.TraceContext;
import org.apache.rocketmq.client.trace.TraceDataEncoder;
import org.apache.rocketmq.client.trace.TraceType;
import org.apache.rocketmq.client.trace.TraceView;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageType;
import org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.apache.rocketmq.tools.command.SubCommand;
import org.apache.rocketmq.tools.monitor.DeleteMsgsEvent;
import org.apache.rocketmq.tools.monitor.FailedMsgs;
import org.apache.rocketmq.tools.monitor.UndoneMsgs;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Petrel's {@code consumerStatus}, {@code queryMsgTraceById} and {@code startMonitoring} against the official 4.9.7
 * ones, on one cluster (Petrel's or an official one, by subclass) whose clients are official 4.9.7 clients with
 * message trace on: the commands print the same once volatile values are masked, and a round of Petrel's monitor
 * finds what a round of the official one finds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
abstract class MqAdminMonitorScenarios {
    static final String TOPIC = "MON_TOPIC";
    static final String GROUP = "CG_MON";
    private static final String PRODUCER_GROUP = "PG_MON";
    private static final int MESSAGES = 4;

    @TempDir
    static Path dir;
    private Map<String, SubCommand> official;
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;
    private DefaultMQAdminExt admin;
    private final List<String> msgIds = new ArrayList<>();
    private final AtomicInteger consumed = new AtomicInteger();

    /** What Petrel's tool printed and returned. */
    private record Run(int code, String out, String err) {
    }

    /** Starts a NameServer and a broker with the trace topic enabled. */
    abstract void startServers(Path dir) throws Exception;

    abstract String namesrvAddr();

    abstract String brokerAddr();

    abstract void stopServers();

    private void awaitRoute(String topic) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
            !admin.examineTopicRouteInfo(topic).getQueueDatas().isEmpty());
    }

    private String report(String name) {
        return getClass().getSimpleName() + "-" + name;
    }

    @BeforeAll
    void start() throws Exception {
        startServers(dir);
        official = AdminOutputs.officialCommands();
        admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrvAddr());
        admin.setInstanceName("mon-admin");
        admin.start();
        admin.createAndUpdateTopicConfig(brokerAddr(),
            new org.apache.rocketmq.common.TopicConfig(TOPIC, 2, 2, 6));
        awaitRoute(TOPIC);
        awaitRoute(TopicValidator.RMQ_SYS_TRACE_TOPIC);

        consumer = new DefaultMQPushConsumer(GROUP, true);
        consumer.setNamesrvAddr(namesrvAddr());
        consumer.setInstanceName("mon-consumer");
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            consumed.addAndGet(msgs.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();

        producer = new DefaultMQProducer(PRODUCER_GROUP, true);
        producer.setNamesrvAddr(namesrvAddr());
        producer.setInstanceName("mon-producer");
        producer.start();
        for (int i = 0; i < MESSAGES; i++) {
            Message m = new Message(TOPIC, "TagA", "mon-key-" + i, ("m-" + i).getBytes(StandardCharsets.UTF_8));
            SendResult r = producer.send(m);
            msgIds.add(r.getMsgId());
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> consumed.get() >= MESSAGES);
        // Each message's trace holds its send and its consumption once the tracing clients have sent their records.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
            .until(() -> msgIds.stream().allMatch(this::traced));
        // The group's offsets are committed (every 5 s) once the consume stats show nothing left.
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
            admin.examineConsumeStats(GROUP, TOPIC).computeTotalDiff() == 0);
    }

    /** Whether the trace topic holds the message's send and its consumption by {@link #GROUP}. */
    private boolean traced(String msgId) {
        QueryResult r;
        try {
            r = admin.queryMessage(TopicValidator.RMQ_SYS_TRACE_TOPIC, msgId, 64, 0, System.currentTimeMillis());
        } catch (Exception e) {
            return false;
        }
        Set<String> types = new java.util.HashSet<>();
        for (MessageExt m : r.getMessageList()) {
            for (TraceView v : TraceView.decodeFromTraceTransData(msgId, m)) {
                types.add(v.getMsgType() + (v.getMsgType().equals("SubAfter") ? ":" + v.getGroupName() : ""));
            }
        }
        return types.contains("Pub") && types.contains("SubAfter:" + GROUP);
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : List.<AutoCloseable>of(() -> {
            if (producer != null) {
                producer.shutdown();
            }
        }, () -> {
            if (consumer != null) {
                consumer.shutdown();
            }
        }, () -> {
            if (admin != null) {
                admin.shutdown();
            }
        }, () -> {
            stopServers();
        })) {
            try {
                c.close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    private Run petrel(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new MQAdmin(Commands.all(), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), namesrvAddr()).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String mask(String text) {
        Map<String, String> literals = new LinkedHashMap<>();
        literals.put(brokerAddr(), "@BROKER_ADDR@");
        literals.put(namesrvAddr(), "@NAMESRV_ADDR@");
        for (int i = 0; i < msgIds.size(); i++) {
            literals.put(msgIds.get(i), "@MSG_ID_" + i + "@");
        }
        String s = text.replaceAll("\\S+@mon-consumer", "@CLIENT@");
        // The process queues' times, as yyyyMMddHHmmssSSS.
        s = s.replaceAll("(?<!\\d)\\d{17}(?!\\d)", "@COMPACT_TIME@");
        return AdminOutputs.mask(s, literals, false);
    }

    /** The official command's output and then Petrel's, masked. */
    private Outputs both(String name, String... args) {
        String theirs = mask(AdminOutputs.runOfficial(official, namesrvAddr(), name, args));
        String[] all = Stream.concat(Stream.of(name), Stream.of(args)).toArray(String[]::new);
        Run ours = petrel(all);
        String printed = ours.code() == 0 && ours.err().isEmpty() ? ours.out()
            : ours.out() + "\nFAILED(" + ours.code() + "): " + ours.err();
        return new Outputs(theirs, mask(printed));
    }

    @Test
    void consumerStatusPrintsWhatTheOfficialToolPrints() throws Exception {
        Map<String, Outputs> outputs = new LinkedHashMap<>();
        String clientId = consumer.buildMQClientId();
        Set<Path> before = AdminOutputs.timeNamedDirs();
        try {
            outputs.put("consumerStatus", both("consumerStatus", "-g", GROUP));
            outputs.put("consumerStatus -b", both("consumerStatus", "-g", GROUP, "-b", brokerAddr()));
            outputs.put("consumerStatus -i", both("consumerStatus", "-g", GROUP, "-i", clientId));
            // A thread dump differs from one moment to the next: the section must be there in both.
            Outputs dumps = both("consumerStatus", "-g", GROUP, "-i", clientId, "-s");
            outputs.put("consumerStatus -i -s", new Outputs(withoutDump(dumps.official()),
                withoutDump(dumps.petrel())));
            assertTrue(dumps.petrel().contains("#Consumer jstack#\n"), dumps.petrel());
            // Each run wrote one file per client, holding what -i prints.
            List<Path> written = new ArrayList<>();
            for (Path d : AdminOutputs.timeNamedDirs()) {
                if (!before.contains(d)) {
                    written.add(d.resolve(clientId));
                }
            }
            assertEquals(4, written.size(), written.toString());
            Set<String> contents = new java.util.HashSet<>();
            for (Path f : written) {
                contents.add(mask(Files.readString(f)));
            }
            contents.add(outputs.get("consumerStatus -i").official());
            assertEquals(1, contents.size(), contents.toString());
        } finally {
            AdminOutputs.deleteTimeNamedDirsSince(before);
        }
        AdminOutputs.assertSame(outputs, report("consumer-status.txt"));
    }

    private static String withoutDump(String text) {
        int at = text.indexOf("#Consumer jstack#");
        return at < 0 ? text : text.substring(0, at) + "#Consumer jstack#";
    }

    @Test
    void queryMsgTraceByIdPrintsWhatTheOfficialToolPrints() {
        Map<String, Outputs> outputs = new LinkedHashMap<>();
        for (int i = 0; i < msgIds.size(); i++) {
            outputs.put("queryMsgTraceById " + i, both("queryMsgTraceById", "-i", msgIds.get(i)));
        }
        outputs.put("queryMsgTraceById -t", both("queryMsgTraceById", "-i", msgIds.get(0), "-t",
            TopicValidator.RMQ_SYS_TRACE_TOPIC));
        assertTrue(outputs.get("queryMsgTraceById 0").petrel().contains("Pub " + PRODUCER_GROUP),
            outputs.get("queryMsgTraceById 0").petrel());
        assertTrue(outputs.get("queryMsgTraceById 0").petrel().contains("Sub " + GROUP),
            outputs.get("queryMsgTraceById 0").petrel());
        // 4.9.7 also takes the command by its alias, QueryMsgTraceById.
        outputs.put("QueryMsgTraceById", new Outputs(outputs.get("queryMsgTraceById 0").official(),
            mask(petrel("QueryMsgTraceById", "-i", msgIds.get(0)).out())));
        AdminOutputs.assertSame(outputs, report("trace.txt"));
    }

    /** Trace records written by the official encoder read back alike with Petrel's decoder and the official one. */
    @Test
    void decodesWhatTheOfficialClientsWrite() {
        List<TraceContext> contexts = new ArrayList<>();
        TraceContext pub = context(TraceType.Pub, "PG", 7, false);
        TraceBean b = pub.getTraceBeans().get(0);
        b.setTopic("T");
        b.setTags("TagA");
        b.setKeys("k1 k2");
        b.setStoreHost("10.0.0.1:10911");
        b.setBodyLength(42);
        b.setMsgType(MessageType.Delay_Msg);
        b.setOffsetMsgId("0A00000100002A9F0000000000000000");
        contexts.add(pub);
        contexts.add(context(TraceType.SubBefore, "CG", 0, true));
        contexts.add(context(TraceType.SubAfter, "CG", 12, false));
        TraceContext end = context(TraceType.EndTransaction, "PG", 0, true);
        TraceBean eb = end.getTraceBeans().get(0);
        eb.setTopic("T");
        eb.setMsgType(MessageType.Trans_Msg_Half);
        eb.setTransactionId("tx-1");
        eb.setTransactionState(LocalTransactionState.ROLLBACK_MESSAGE);
        eb.setFromTransactionCheck(true);
        contexts.add(end);
        StringBuilder data = new StringBuilder();
        for (TraceContext c : contexts) {
            data.append(TraceDataEncoder.encoderFromContextBean(c).getTransData());
        }
        List<TraceContext> theirs = TraceDataEncoder.decoderFromTraceDataString(data.toString());
        List<TraceRecord> ours = TraceDataDecoder.decode(data.toString(), 0);
        assertEquals(theirs.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            TraceContext t = theirs.get(i);
            TraceBean tb = t.getTraceBeans().get(0);
            TraceRecord o = ours.get(i);
            assertEquals(t.getTraceType().name(), o.type().name());
            assertEquals(List.of(t.getTimeStamp(), t.getGroupName(), t.getCostTime(), t.isSuccess(), tb.getMsgId(),
                    tb.getKeys(), String.valueOf(tb.getMsgType()), String.valueOf(tb.getTransactionState())),
                List.of(o.timestamp(), o.groupName(), o.costTime(), o.success(), o.msgId(), o.keys(),
                    o.msgType().isEmpty() ? "null" : o.msgType(),
                    o.transactionState().isEmpty() ? "null" : o.transactionState()), t.getTraceType().name());
        }
        assertEquals("10.0.0.1:10911", ours.get(0).storeHost());
        assertEquals(42, ours.get(0).bodyLength());
        assertEquals("0A00000100002A9F0000000000000000", ours.get(0).offsetMsgId());
        assertEquals("tx-1", ours.get(3).transactionId());
        assertTrue(ours.get(3).fromTransactionCheck());
    }

    private static TraceContext context(TraceType type, String group, int costTime, boolean success) {
        TraceContext c = new TraceContext();
        c.setTraceType(type);
        c.setTimeStamp(1_700_000_000_000L + type.ordinal());
        c.setRegionId("DefaultRegion");
        c.setGroupName(group);
        c.setCostTime(costTime);
        c.setSuccess(success);
        c.setAccessChannel(AccessChannel.LOCAL);
        TraceBean bean = new TraceBean();
        bean.setMsgId("7F00000100002A9F0000000000000001");
        bean.setKeys("k1");
        c.setTraceBeans(new ArrayList<>(List.of(bean)));
        return c;
    }

    /** Lines of a monitor round that both monitors must report alike. */
    private static boolean compared(String line) {
        return !line.contains("topic=%RETRY%") && !line.contains(io.petrel.tools.monitor.MonitorService
            .MONITOR_CONSUMER_GROUP) && !line.contains(TopicValidator.RMQ_SYS_OFFSET_MOVED_EVENT);
    }

    /** One round of Petrel's monitor and one of the official one against the same cluster find the same. */
    @Test
    void aMonitorRoundFindsWhatTheOfficialOneFinds() throws Exception {
        List<String> theirs = officialRound();
        List<String> ours = petrelRound();
        assertTrue(ours.stream().anyMatch(l -> l.startsWith("running " + GROUP)), ours.toString());
        assertTrue(ours.stream().anyMatch(l -> l.startsWith("undone UndoneMsgs [consumerGroup=" + GROUP + ", topic="
            + TOPIC + ", undoneMsgsTotal=0")), ours.toString());
        Map<String, Outputs> outputs = new LinkedHashMap<>();
        outputs.put("a monitor round", new Outputs(
            theirs.stream().filter(MqAdminMonitorScenarios::compared).sorted().collect(Collectors.joining("\n")),
            ours.stream().filter(MqAdminMonitorScenarios::compared).sorted().collect(Collectors.joining("\n"))));
        AdminOutputs.assertSame(outputs, report("monitor-round.txt"));
    }

    private List<String> officialRound() throws Exception {
        return AdminOutputs.officialMonitorRound(namesrvAddr(), UndoneMsgs::toString, infos -> {
            String group = infos.firstEntry().getValue().getProperties().getProperty("consumerGroup");
            boolean same = ConsumerRunningInfo.analyzeSubscription(infos);
            return infos.entrySet().stream().map(e -> runningLine(group, e.getValue().getProperties()
                    .getProperty(ConsumerRunningInfo.PROP_CONSUME_TYPE),
                e.getValue().getSubscriptionSet().stream().map(d -> d.getTopic()).sorted().toList(), same,
                ConsumerRunningInfo.analyzeProcessQueue(e.getKey(), e.getValue()))).toList();
        });
    }

    private List<String> petrelRound() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        io.petrel.tools.monitor.MonitorService monitor = new io.petrel.tools.monitor.MonitorService(
            namesrvAddr(), io.petrel.tools.monitor.MonitorService.DEFAULT_ROUND_INTERVAL_MILLIS,
            new io.petrel.tools.monitor.MonitorListener() {
                @Override
                public void beginRound() {
                    lines.add("begin");
                }

                @Override
                public void reportUndoneMsgs(io.petrel.tools.monitor.UndoneMsgs undone) {
                    lines.add("undone " + undone);
                }

                @Override
                public void reportFailedMsgs(io.petrel.tools.monitor.FailedMsgs failedMsgs) {
                    lines.add("failed " + failedMsgs);
                }

                @Override
                public void reportDeleteMsgsEvent(io.petrel.tools.monitor.DeleteMsgsEvent event) {
                    lines.add("deleted " + event.offsetMovedEvent());
                }

                @Override
                public void reportConsumerRunningInfo(
                    SortedMap<String, io.petrel.common.body.ConsumerRunningInfo> infos) {
                    long now = System.currentTimeMillis();
                    String group = infos.get(infos.firstKey()).properties().get("consumerGroup");
                    boolean same = io.petrel.tools.monitor.RunningInfoAnalysis.sameSubscriptions(infos, now);
                    infos.forEach((client, info) -> lines.add(runningLine(group, info.properties()
                            .get(ConsumerRunningInfo.PROP_CONSUME_TYPE),
                        info.subscriptionSet().stream().map(d -> d.topic()).sorted().toList(), same,
                        io.petrel.tools.monitor.RunningInfoAnalysis.processQueueProblems(client, info, now))));
                }

                @Override
                public void endRound() {
                    lines.add("end");
                }
            });
        monitor.start();
        try {
            monitor.doMonitorWork();
        } finally {
            monitor.shutdown();
        }
        return lines;
    }

    private static String runningLine(String group, String consumeType, List<String> topics, boolean same,
                                      String problems) {
        return "running " + group + " " + consumeType + " subscriptions=" + topics + " sameSubscriptions=" + same
            + " problems=[" + problems.strip() + "]";
    }

    /** {@code mqadmin startMonitoring} logs its first round after 20 s and stops when interrupted. */
    @Test
    void startMonitoringLogsRoundsUntilInterrupted() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(DefaultMonitorListener.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger code = new AtomicInteger(-1);
        Thread t = new Thread(() -> code.set(new MQAdmin(Commands.all(),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            namesrvAddr()).run("startMonitoring")), "mqadmin-startMonitoring");
        try {
            t.start();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !t.isAlive() || messages(appender)
                .stream().anyMatch(m -> m.endsWith("endRound")));
        } finally {
            t.interrupt();
            t.join(30_000);
            log.detachAppender(appender);
        }
        assertTrue(!t.isAlive(), "startMonitoring did not stop");
        List<String> logged = messages(appender);
        assertEquals("[MONITOR] =========================================beginRound", logged.get(0), logged.toString());
        assertTrue(logged.contains("[MONITOR] reportUndoneMsgs: UndoneMsgs [consumerGroup=" + GROUP + ", topic="
            + TOPIC + ", undoneMsgsTotal=0, undoneMsgsSingleMQ=0, undoneMsgsDelayTimeMills=0]"), logged.toString());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals("mqadmin startMonitoring: interrupted", err.toString(StandardCharsets.UTF_8).strip());
        assertNotEquals(0, code.get());
    }

    private static List<String> messages(ListAppender<ILoggingEvent> appender) {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Test
    void badInputIsOneLineOnStderr() {
        List<List<String>> runs = List.of(
            List.of("consumerStatus", "-g", "CG_MON_NO_SUCH_GROUP"),
            List.of("consumerStatus", "-g", GROUP, "-i", "127.0.0.1@no-such-client"),
            List.of("consumerStatus", "-g", GROUP, "-b", "127.0.0.1:1"),
            List.of("queryMsgTraceById", "-i", "7F00000100002A9F00000000000000FF"),
            List.of("queryMsgTraceById", "-i", msgIds.get(0), "-t", "MON_NO_SUCH_TRACE_TOPIC"));
        for (List<String> args : runs) {
            Run run = petrel(args.toArray(String[]::new));
            assertNotEquals(0, run.code(), args.toString());
            assertEquals(1, run.err().lines().count(), args + ": " + run.err());
            assertTrue(run.err().startsWith("mqadmin " + args.get(0) + ": "), run.err());
        }
    }
}
