package io.petrel.remoting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.local.LocalChannel;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemotingResponderTest {
    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final List<Integer> written = new CopyOnWriteArrayList<>();
    private final AtomicInteger flushes = new AtomicInteger();
    private LocalChannel channel;

    @BeforeEach
    void setUp() throws Exception {
        channel = new LocalChannel();
        // The last outbound handler sees every write and flush first; it keeps them from the unconnected channel.
        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                written.add(((RemotingCommand) msg).opaque());
                promise.setSuccess();
            }

            @Override
            public void flush(ChannelHandlerContext ctx) {
                flushes.incrementAndGet();
            }
        });
        loop.register(channel).sync();
    }

    @AfterEach
    void tearDown() {
        channel.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5000);
    }

    private static RemotingCommand request(int opaque) {
        return RemotingCommand.createRequest(10).opaque(opaque);
    }

    @Test
    void responsesQueuedWhileTheIoThreadIsBusyShareOneFlush() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> {
            busy.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(busy.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 100; i++) {
            RemotingResponder.respond(channel, request(i), RemotingCommand.createResponse(ResponseCode.SUCCESS, null));
        }
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 100);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(i);
        }
        assertEquals(expected, written, "every response once, in the order one thread gave them");
        await().atMost(Duration.ofSeconds(5)).until(() -> flushes.get() == 1);
        // A response after the batch is written and flushed on its own.
        RemotingResponder.respond(channel, request(100), RemotingCommand.createResponse(ResponseCode.SUCCESS, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 101 && flushes.get() == 2);
    }

    @Test
    void responsesFromManyThreadsAllArrive() throws Exception {
        int threads = 8;
        int each = 2_000;
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * each;
            Thread sender = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    RemotingResponder.respond(channel, request(base + i),
                        RemotingCommand.createResponse(ResponseCode.SUCCESS, null));
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread s : senders) {
            s.join(10_000);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> written.size() == threads * each);
        assertEquals(threads * each, written.stream().distinct().count());
        await().atMost(Duration.ofSeconds(5)).until(() -> flushes.get() >= 1);
        assertTrue(flushes.get() <= written.size(), "never more flushes than responses");
    }

    @Test
    void onewayRequestsGetNoResponse() {
        RemotingCommand oneway = request(7).markOneway();
        RemotingResponder.respond(channel, oneway, RemotingCommand.createResponse(ResponseCode.SUCCESS, null));
        RemotingResponder.respond(channel, request(8), RemotingCommand.createResponse(ResponseCode.SUCCESS, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 1);
        assertEquals(List.of(8), written);
    }
}
