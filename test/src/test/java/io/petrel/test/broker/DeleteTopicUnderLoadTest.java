package io.petrel.test.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.header.CreateTopicRequestHeader;
import org.apache.rocketmq.common.protocol.header.DeleteTopicRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetMaxOffsetRequestHeader;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DELETE_TOPIC_IN_BROKER while official producers and pull consumers work on the topic, again and again: the broker
 * stays up (an unmapped ConsumeQueue read or written by another thread would crash this JVM), and once the load
 * stops a deleted and re-created topic starts at queue offset 0.
 */
@Timeout(60)
class DeleteTopicUnderLoadTest {
    private static final String TOPIC = "DELETE_UNDER_LOAD";
    private static final int QUEUES = 4;
    private static final int ROUNDS = 15;

    @TempDir
    Path dir;
    private PetrelCluster petrel;
    private NettyRemotingClient admin;
    private final List<Runnable> stops = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        petrel = PetrelCluster.start(dir, new Properties());
        admin = new NettyRemotingClient(new NettyClientConfig());
        admin.start();
    }

    @AfterEach
    void stop() {
        stops.forEach(Runnable::run);
        if (admin != null) {
            admin.shutdown();
        }
        if (petrel != null) {
            petrel.close();
        }
    }

    @Test
    void deletingATopicUnderLoadKeepsTheBrokerUpAndRestartsItsOffsets() throws Exception {
        createTopic();
        petrel.awaitRoute(TOPIC);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        AtomicLong pulled = new AtomicLong();
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        List<Thread> load = List.of(
            new Thread(() -> produce(running, sent), "producer-1"),
            new Thread(() -> produce(running, sent), "producer-2"),
            new Thread(() -> consume(running, pulled, unexpected), "pull-consumer"));
        stops.add(() -> running.set(false));
        load.forEach(Thread::start);

        for (int round = 0; round < ROUNDS; round++) {
            long sentBefore = sent.get();
            long pulledBefore = pulled.get();
            Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> sent.get() > sentBefore + 50 && pulled.get() > pulledBefore);
            deleteTopic();
            createTopic();
        }
        running.set(false);
        for (Thread t : load) {
            t.join(15_000);
        }
        assertTrue(unexpected.isEmpty(), unexpected.toString());

        deleteTopic();
        createTopic();
        for (int q = 0; q < QUEUES; q++) {
            assertEquals(0, maxOffset(q), "queue " + q + " of the re-created topic");
        }
        DefaultMQProducer producer = producer();
        stops.add(producer::shutdown);
        SendResult r = producer.send(new Message(TOPIC, "after".getBytes(StandardCharsets.UTF_8)),
            new MessageQueue(TOPIC, "petrel-a", 2));
        assertEquals(0, r.getQueueOffset(), "the first message of the re-created topic");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> maxOffset(2) == 1);
    }

    private void produce(AtomicBoolean running, AtomicLong sent) {
        DefaultMQProducer p;
        try {
            p = producer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try {
            int i = 0;
            while (running.get()) {
                try {
                    p.send(new MessageQueueMessage(i++).message, new MessageQueue(TOPIC, "petrel-a", i % QUEUES));
                    sent.incrementAndGet();
                } catch (Exception e) {
                    // a send racing a deletion may fail; the broker may also auto-create the topic again
                }
            }
        } finally {
            p.shutdown();
        }
    }

    private void consume(AtomicBoolean running, AtomicLong pulled, List<Throwable> unexpected) {
        DefaultMQPullConsumer c = new DefaultMQPullConsumer("CG_DELETE_UNDER_LOAD");
        c.setNamesrvAddr(petrel.namesrvAddr());
        c.setInstanceName("pull-" + System.nanoTime());
        try {
            c.start();
            long[] next = new long[QUEUES];
            while (running.get()) {
                for (int q = 0; q < QUEUES && running.get(); q++) {
                    next[q] = pullOnce(c, q, next[q], pulled, unexpected);
                }
            }
        } catch (Exception e) {
            unexpected.add(e);
        } finally {
            c.shutdown();
        }
    }

    private static long pullOnce(DefaultMQPullConsumer c, int q, long offset, AtomicLong pulled,
                                 List<Throwable> unexpected) {
        try {
            PullResult r = c.pull(new MessageQueue(TOPIC, "petrel-a", q), "*", offset, 32, 3000);
            if (r.getPullStatus() == PullStatus.FOUND) {
                pulled.addAndGet(r.getMsgFoundList().size());
                r.getMsgFoundList().forEach(m -> {
                    if (!m.getTopic().equals(TOPIC) || m.getQueueId() != q) {
                        unexpected.add(new AssertionError("queue " + q + " returned " + m));
                    }
                });
            }
            return r.getNextBeginOffset();
        } catch (Exception e) {
            return offset; // TOPIC_NOT_EXIST between a deletion and the re-creation
        }
    }

    /** A message with a body large enough that queues move through their files. */
    private record MessageQueueMessage(Message message) {
        MessageQueueMessage(int i) {
            this(new Message(TOPIC, "TagA", ("load-" + i + "-" + "p".repeat(200)).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private DefaultMQProducer producer() throws Exception {
        DefaultMQProducer p = new DefaultMQProducer("PG_DELETE_UNDER_LOAD");
        p.setNamesrvAddr(petrel.namesrvAddr());
        p.setInstanceName("producer-" + System.nanoTime());
        p.setSendMsgTimeout(5000);
        p.setRetryTimesWhenSendFailed(0);
        p.start();
        return p;
    }

    private void createTopic() throws Exception {
        CreateTopicRequestHeader h = new CreateTopicRequestHeader();
        h.setTopic(TOPIC);
        h.setDefaultTopic("TBW102");
        h.setReadQueueNums(QUEUES);
        h.setWriteQueueNums(QUEUES);
        h.setPerm(6);
        h.setTopicFilterType("SINGLE_TAG");
        h.setTopicSysFlag(0);
        h.setOrder(false);
        assertSuccess(RemotingCommand.createRequestCommand(RequestCode.UPDATE_AND_CREATE_TOPIC, h));
    }

    private void deleteTopic() throws Exception {
        DeleteTopicRequestHeader h = new DeleteTopicRequestHeader();
        h.setTopic(TOPIC);
        assertSuccess(RemotingCommand.createRequestCommand(RequestCode.DELETE_TOPIC_IN_BROKER, h));
    }

    private void assertSuccess(RemotingCommand request) throws Exception {
        RemotingCommand r = admin.invokeSync(petrel.broker().address(), request, 5000);
        assertEquals(ResponseCode.SUCCESS, r.getCode(), r.getRemark());
    }

    private long maxOffset(int queueId) throws Exception {
        GetMaxOffsetRequestHeader h = new GetMaxOffsetRequestHeader();
        h.setTopic(TOPIC);
        h.setQueueId(queueId);
        RemotingCommand r = admin.invokeSync(petrel.broker().address(),
            RemotingCommand.createRequestCommand(RequestCode.GET_MAX_OFFSET, h), 5000);
        return Long.parseLong(r.getExtFields().get("offset"));
    }
}
