package io.petrel.test.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.test.broker.PetrelCluster;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile clients against one Petrel broker: thousands of idle and half-sent connections, a client that floods
 * requests and never reads the answers, and a flood faster than a small admin pool can serve. Through all of it
 * the official client keeps sending.
 */
@Timeout(180)
class HostileClientsTest {
    @TempDir
    Path dir;
    private PetrelCluster cluster;
    private DefaultMQProducer producer;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Properties p = new Properties();
        p.setProperty("adminBrokerThreadPoolNums", "1");
        p.setProperty("adminBrokerThreadPoolQueueCapacity", "16");
        cluster = PetrelCluster.start(dir, p);
        producer = new DefaultMQProducer("PG_HOSTILE");
        producer.setNamesrvAddr(cluster.namesrvAddr());
        producer.setInstanceName("hostile-" + System.nanoTime());
        producer.setSendMsgTimeout(5000);
        producer.start();
    }

    @AfterEach
    void stop() {
        RawSockets.closeAll(sockets);
        if (producer != null) {
            producer.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private int port() {
        return cluster.broker().controller().listenPort();
    }

    private Socket connect() throws IOException {
        return RawSockets.connect(port(), sockets);
    }

    private void sendSome(String topic, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            assertEquals(SendStatus.SEND_OK, producer.send(new Message(topic, ("m" + i).getBytes(
                StandardCharsets.UTF_8))).getSendStatus());
        }
    }

    private static byte[] frame(RemotingCommand cmd) {
        ByteBuf out = Unpooled.buffer();
        RemotingFrame.encode(cmd, out);
        return ByteBufUtil.getBytes(out);
    }

    @Test
    void idleAndHalfSentConnectionsDoNotStopService() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            sendSome("HOSTILE_T", 1);
            return true;
        });
        for (int i = 0; i < 1500; i++) {
            connect();
        }
        byte[] half = frame(RemotingCommand.createRequest(RequestCode.GET_BROKER_RUNTIME_INFO));
        for (int i = 0; i < 500; i++) {
            Socket s = connect();
            // a length field promising a 1 MiB frame, then a few bytes of it, then nothing
            s.getOutputStream().write(new byte[] {0, 0x10, 0, 0});
            s.getOutputStream().write(half, 4, 8);
        }
        sendSome("HOSTILE_T", 200);
        assertTrue(cluster.broker().controller() != null);
    }

    @Test
    void aClientThatNeverReadsIsPausedNotBuffered() throws Exception {
        Socket flooder = connect();
        flooder.setSendBufferSize(64 * 1024);
        byte[] one = frame(RemotingCommand.createRequest(RequestCode.GET_ALL_TOPIC_CONFIG));
        byte[] batch = new byte[one.length * 100];
        for (int i = 0; i < 100; i++) {
            System.arraycopy(one, 0, batch, i * one.length, one.length);
        }
        AtomicLong written = new AtomicLong();
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = flooder.getOutputStream();
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(batch);
                    written.addAndGet(batch.length);
                }
            } catch (IOException e) {
                // the socket is closed at the end of the test
            }
        }, "flooder");
        writer.setDaemon(true);
        writer.start();
        // The writer blocks once the broker stops reading: its count stops growing from one look to the next.
        AtomicLong lastSeen = new AtomicLong(-1);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            long now = written.get();
            return now > 0 && lastSeen.getAndSet(now) == now;
        });
        long stalledAt = written.get();
        // Every request gets an answer at least as long as itself: without back-pressure the broker would read on
        // at wire speed, holding every answer, and the writer would never stall.
        assertTrue(stalledAt < 256L * 1024 * 1024, "the broker read " + stalledAt + " bytes of unanswerable requests");
        sendSome("HOSTILE_T2", 50);
        flooder.close();
        writer.interrupt();
        System.out.printf("flooder stalled after %,d bytes of requests%n", stalledAt);
    }

    @Test
    void aFloodBeyondThePoolIsAnsweredBusyAndEveryRequestAnswered() throws Exception {
        Socket s = connect();
        s.setSoTimeout(30_000);
        int requests = 3000;
        ByteBuf all = Unpooled.buffer();
        for (int i = 0; i < requests; i++) {
            RemotingFrame.encode(RemotingCommand.createRequest(RequestCode.GET_BROKER_RUNTIME_INFO).opaque(i), all);
        }
        Thread writer = new Thread(() -> {
            try {
                s.getOutputStream().write(ByteBufUtil.getBytes(all));
            } catch (IOException e) {
                // reported by the reader's count
            }
        }, "flood-writer");
        writer.setDaemon(true);
        writer.start();
        DataInputStream in = new DataInputStream(s.getInputStream());
        Map<Integer, Integer> codes = new HashMap<>();
        boolean[] answered = new boolean[requests];
        for (int i = 0; i < requests; i++) {
            byte[] f = new byte[in.readInt()];
            in.readFully(f);
            RemotingCommand resp = RemotingFrame.decode(Unpooled.wrappedBuffer(f));
            assertTrue(!answered[resp.opaque()], "one answer per request");
            answered[resp.opaque()] = true;
            codes.merge(resp.code(), 1, Integer::sum);
        }
        System.out.println("answers by code: " + codes);
        assertTrue(codes.getOrDefault(ResponseCode.SYSTEM_BUSY, 0) > 0, "some answered busy: " + codes);
        assertTrue(codes.getOrDefault(ResponseCode.SUCCESS, 0) > 0, "some served: " + codes);
        assertEquals(requests, codes.values().stream().mapToInt(Integer::intValue).sum());
        sendSome("HOSTILE_T3", 20);
    }
}
