package io.petrel.test.surface;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.header.GetMaxOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetMinOffsetRequestHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broker's request surface, request by request: the same request (built with the official 4.9.7 classes) to an
 * official broker and to Petrel after the same script of actions, the answers compared in code, remark, header
 * fields and body structure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class BrokerRequestSurfaceTest {
    /** The topic the script writes to, on both sides; 4 read and write queues (auto-created). */
    static final String TOPIC = "SURFACE";
    /** A consumer group that consumed everything on {@link #TOPIC} and stays online. */
    static final String GROUP = "CG_SURFACE";
    static final int MESSAGES = 20;

    @TempDir
    static Path dir;
    private SideBySide sides;
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();

    @BeforeAll
    void script() throws Exception {
        sides = SideBySide.start(dir, List.of(), new Properties());
        sides.sendToBoth(TOPIC, "TagA", "m", MESSAGES);
        sides.awaitRoutes(TOPIC);
        for (String ns : List.of(sides.officialNamesrvAddr(), sides.petrelNamesrvAddr())) {
            DefaultMQPushConsumer c = new DefaultMQPushConsumer(GROUP);
            c.setNamesrvAddr(ns);
            c.setInstanceName("surface-" + System.nanoTime());
            c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            c.subscribe(TOPIC, "*");
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
            c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                n.addAndGet(msgs.size());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            c.start();
            consumers.add(c);
            Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> n.get() >= MESSAGES);
            c.getDefaultMQPushConsumerImpl().persistConsumerOffset();
        }
    }

    @AfterAll
    void stop() {
        consumers.forEach(DefaultMQPushConsumer::shutdown);
        if (sides != null) {
            sides.close();
        }
    }

    Stream<SurfaceCase> cases() {
        return Stream.of(offsetCases(), StoreSurfaceCases.cases()).flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameAnswerAsOfficialBroker(SurfaceCase c) throws Exception {
        sides.ask(c.request()).assertSameShape(c.name(), c.dataKeyed());
    }

    private static List<SurfaceCase> offsetCases() {
        return List.of(
            new SurfaceCase("GET_MAX_OFFSET", () -> {
                GetMaxOffsetRequestHeader h = new GetMaxOffsetRequestHeader();
                h.setTopic(TOPIC);
                h.setQueueId(0);
                return RemotingCommand.createRequestCommand(RequestCode.GET_MAX_OFFSET, h);
            }),
            new SurfaceCase("GET_MIN_OFFSET of an unknown topic", () -> {
                GetMinOffsetRequestHeader h = new GetMinOffsetRequestHeader();
                h.setTopic("NO_SUCH_TOPIC");
                h.setQueueId(0);
                return RemotingCommand.createRequestCommand(RequestCode.GET_MIN_OFFSET, h);
            }),
            new SurfaceCase("GET_ALL_TOPIC_CONFIG", () ->
                RemotingCommand.createRequestCommand(RequestCode.GET_ALL_TOPIC_CONFIG, null), "$.topicConfigTable"));
    }
}
