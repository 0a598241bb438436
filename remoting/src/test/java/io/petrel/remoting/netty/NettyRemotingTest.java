package io.petrel.remoting.netty;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.petrel.common.util.BoundedExecutors;
import io.petrel.remoting.ChannelEventListener;
import io.petrel.remoting.RPCHook;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.exception.RemotingConnectException;
import io.petrel.remoting.exception.RemotingSendRequestException;
import io.petrel.remoting.exception.RemotingTimeoutException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.SerializeType;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Petrel client against Petrel server over loopback. */
class NettyRemotingTest {
    static final int ECHO = 1000;
    static final int BLOCK = 1001;
    static final int FAIL = 1002;
    static final int NEEDS_HEADER = 1003;
    static final int ONEWAY_SINK = 1004;
    static final int ECHO_ON_IO_THREAD = 1005;

    private final BlockingQueue<RemotingCommand> onewayReceived = new LinkedBlockingQueue<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private NettyRemotingServer server;
    private NettyRemotingClient client;
    private ThreadPoolExecutor blockingPool;
    private String addr;

    @BeforeEach
    void setUp() {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        server = new NettyRemotingServer(config, new ChannelEventListener() {
            @Override
            public void onChannelConnect(String remoteAddr, Channel channel) {
                events.add("connect");
            }

            @Override
            public void onChannelClose(String remoteAddr, Channel channel) {
                events.add("close");
            }
        });
        ExecutorService pool = BoundedExecutors.fixed("test-proc", 4, 1000);
        blockingPool = BoundedExecutors.fixed("test-block", 1, 1);
        server.registerProcessor(ECHO, (ch, req) -> echo(req), pool);
        server.registerProcessor(BLOCK, (ch, req) -> {
            release.await(20, TimeUnit.SECONDS);
            return echo(req);
        }, blockingPool);
        server.registerProcessor(FAIL, (ch, req) -> {
            throw new IllegalStateException("boom");
        }, pool);
        server.registerProcessor(NEEDS_HEADER, (ch, req) -> {
            int id = req.fields().requiredInt("queueId");
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, "q" + id);
        }, pool);
        server.registerProcessor(ONEWAY_SINK, (ch, req) -> {
            onewayReceived.add(req);
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, "must not be sent");
        }, pool);
        server.registerProcessor(ECHO_ON_IO_THREAD, (ch, req) -> {
            assertTrue(ch.eventLoop().inEventLoop(), "served on the channel's I/O thread");
            return echo(req);
        }, Runnable::run);
        server.start();
        addr = "127.0.0.1:" + server.localPort();
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        client.shutdown();
        server.shutdown();
        blockingPool.shutdownNow();
    }

    static RemotingCommand echo(RemotingCommand req) {
        RemotingCommand resp = RemotingCommand.createResponse(ResponseCode.SUCCESS, "echo");
        if (req.extFields() != null) {
            req.extFields().forEach(resp::addExtField);
        }
        return resp.body(req.body());
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void syncCallAnswersInTheRequestsSerializeType(SerializeType type) throws Exception {
        RemotingCommand req = RemotingCommand.createRequest(ECHO).serializeType(type).body(new byte[] {1, 2, 3});
        req.addExtField("topic", "T\u00e9");
        RemotingCommand resp = client.invokeSync(addr, req, 3000);
        assertEquals(ResponseCode.SUCCESS, resp.code());
        assertEquals(type, resp.serializeType());
        assertEquals("T\u00e9", resp.extFields().get("topic"));
        assertArrayEquals(new byte[] {1, 2, 3}, resp.body());
        assertEquals(req.opaque(), resp.opaque());
    }

    @Test
    void asyncCallCompletesThroughCallback() throws Exception {
        AtomicReference<RemotingCommand> got = new AtomicReference<>();
        client.invokeAsync(addr, RemotingCommand.createRequest(ECHO).body("x"), 3000, (r, e) -> got.set(r));
        await().atMost(Duration.ofSeconds(5)).until(() -> got.get() != null);
        assertEquals("x", new String(got.get().body()));
    }

    @Test
    void requestsServedOnTheIoThreadAreAllAnsweredWithTheirOwnBodies() throws Exception {
        int calls = 2_000;
        java.util.Map<Integer, String> answers = new java.util.concurrent.ConcurrentHashMap<>();
        for (int i = 0; i < calls; i++) {
            int n = i;
            client.invokeAsync(addr, RemotingCommand.createRequest(ECHO_ON_IO_THREAD).body("m" + n), 5000,
                (r, e) -> answers.put(n, r == null ? "error " + e : r.code() + " " + new String(r.body())));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> answers.size() == calls);
        for (int i = 0; i < calls; i++) {
            assertEquals(ResponseCode.SUCCESS + " m" + i, answers.get(i));
        }
    }

    @Test
    void onewayIsServedAndNotAnswered() throws Exception {
        client.invokeOneway(addr, RemotingCommand.createRequest(ONEWAY_SINK).remark("o"), 3000);
        RemotingCommand seen = onewayReceived.poll(5, TimeUnit.SECONDS);
        assertEquals("o", seen.remark());
        assertTrue(seen.isOneway());
        // A later call on the same channel still gets its own answer: no stray response was matched to it.
        assertEquals("echo", client.invokeSync(addr, RemotingCommand.createRequest(ECHO), 3000).remark());
    }

    @Test
    void slowProcessorIsReportedAsTimeout() {
        assertThrows(RemotingTimeoutException.class,
            () -> client.invokeSync(addr, RemotingCommand.createRequest(BLOCK), 300));
    }

    @Test
    void asyncTimeoutIsReportedToTheCallback() throws Exception {
        AtomicReference<Throwable> error = new AtomicReference<>();
        client.invokeAsync(addr, RemotingCommand.createRequest(BLOCK), 200, (r, e) -> error.set(e));
        await().atMost(Duration.ofSeconds(10)).until(() -> error.get() != null);
        assertTrue(error.get() instanceof RemotingTimeoutException, error.get().toString());
    }

    @Test
    void unknownCodeGetsRequestCodeNotSupported() throws Exception {
        RemotingCommand resp = client.invokeSync(addr, RemotingCommand.createRequest(4242), 3000);
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, resp.code());
        assertEquals(" request type 4242 not supported", resp.remark());
    }

    @Test
    void processorExceptionBecomesSystemError() throws Exception {
        RemotingCommand resp = client.invokeSync(addr, RemotingCommand.createRequest(FAIL), 3000);
        assertEquals(ResponseCode.SYSTEM_ERROR, resp.code());
        assertTrue(resp.remark().contains("boom"), resp.remark());
    }

    @Test
    void missingHeaderFieldIsNamedInTheError() throws Exception {
        RemotingCommand resp = client.invokeSync(addr, RemotingCommand.createRequest(NEEDS_HEADER), 3000);
        assertEquals(ResponseCode.SYSTEM_ERROR, resp.code());
        assertTrue(resp.remark().contains(RemotingCommandException.class.getName()), resp.remark());
        assertTrue(resp.remark().contains("<queueId>"), resp.remark());
        RemotingCommand ok = client.invokeSync(addr, RemotingCommand.createRequest(NEEDS_HEADER)
            .addExtField("queueId", "7"), 3000);
        assertEquals("q7", ok.remark());
    }

    @Test
    void fullExecutorAnswersSystemBusy() throws Exception {
        List<RemotingCommand> answers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            client.invokeAsync(addr, RemotingCommand.createRequest(BLOCK), 10_000, (r, e) -> {
                if (r != null) {
                    answers.add(r);
                }
            });
        }
        // one running, one queued, the rest rejected at once
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.size() >= 3);
        assertTrue(answers.stream().allMatch(r -> r.code() == ResponseCode.SYSTEM_BUSY));
        assertEquals(RequestDispatcher.BUSY_REMARK, answers.get(0).remark());
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.size() == 5);
        assertEquals(2, answers.stream().filter(r -> r.code() == ResponseCode.SUCCESS).count());
    }

    @Test
    void nameServerFailoverSkipsDeadAddress() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        client.updateNameServerAddressList(List.of("127.0.0.1:" + deadPort, addr));
        for (int i = 0; i < 3; i++) {
            assertEquals("echo", client.invokeSync(null, RemotingCommand.createRequest(ECHO), 3000).remark());
        }
    }

    @Test
    void unreachableAddressIsAConnectError() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        assertThrows(RemotingConnectException.class,
            () -> client.invokeSync("127.0.0.1:" + deadPort, RemotingCommand.createRequest(ECHO), 3000));
    }

    @Test
    void rpcHooksSeeRequestAndResponse() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        client.registerRPCHook(new RPCHook() {
            @Override
            public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
                request.addExtField("AccessKey", "ak");
                seen.add("before " + remoteAddr);
            }

            @Override
            public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
                seen.add("after " + response.code());
            }
        });
        RemotingCommand resp = client.invokeSync(addr, RemotingCommand.createRequest(ECHO), 3000);
        assertEquals("ak", resp.extFields().get("AccessKey"));
        assertEquals(List.of("before " + addr, "after 0"), seen);
    }

    @Test
    void serverCallsClientBackOnItsChannel() throws Exception {
        AtomicReference<Channel> serverSide = new AtomicReference<>();
        server.registerProcessor(2000, (ch, req) -> {
            serverSide.set(ch);
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
        }, null);
        BlockingQueue<RemotingCommand> pushes = new LinkedBlockingQueue<>();
        client.registerProcessor(40, (ch, req) -> {
            pushes.add(req);
            return null;
        }, BoundedExecutors.fixed("client-push", 1, 10));
        client.invokeSync(addr, RemotingCommand.createRequest(2000), 3000);
        server.invokeOneway(serverSide.get(), RemotingCommand.createRequest(40).addExtField("consumerGroup", "G"), 3000);
        RemotingCommand push = pushes.poll(5, TimeUnit.SECONDS);
        assertEquals("G", push.extFields().get("consumerGroup"));
        assertTrue(push.isOneway());
    }

    /** Connects the client and returns the server's end of that connection. */
    private Channel serverSideChannel() throws Exception {
        AtomicReference<Channel> serverSide = new AtomicReference<>();
        server.registerProcessor(2000, (ch, req) -> {
            serverSide.set(ch);
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
        }, null);
        client.invokeSync(addr, RemotingCommand.createRequest(2000), 3000);
        return serverSide.get();
    }

    @Test
    void serverMakesSyncAndAsyncCallsToAClient() throws Exception {
        ExecutorService clientPool = BoundedExecutors.fixed("client-serve", 1, 10);
        try {
            client.registerProcessor(41, (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS,
                "state of " + req.extFields().get("msgId")), clientPool);
            List<String> hookSaw = new CopyOnWriteArrayList<>();
            server.registerRPCHook(new RPCHook() {
                @Override
                public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
                    if (request.code() == 41) {
                        hookSaw.add("before " + request.extFields().get("msgId"));
                    }
                }

                @Override
                public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
                    if (request.code() == 41) {
                        hookSaw.add("after " + response.remark());
                    }
                }
            });
            Channel toClient = serverSideChannel();

            RemotingCommand sync = server.invokeSync(toClient,
                RemotingCommand.createRequest(41).addExtField("msgId", "m1"), 3000);
            assertEquals(ResponseCode.SUCCESS, sync.code());
            assertEquals("state of m1", sync.remark());
            assertEquals(List.of("before m1", "after state of m1"), hookSaw);

            AtomicReference<RemotingCommand> async = new AtomicReference<>();
            server.invokeAsync(toClient, RemotingCommand.createRequest(41).addExtField("msgId", "m2"), 3000,
                (r, e) -> async.set(r));
            await().atMost(Duration.ofSeconds(5)).until(() -> async.get() != null);
            assertEquals("state of m2", async.get().remark());
        } finally {
            clientPool.shutdownNow();
        }
    }

    @Test
    void serverCallToAClientFailsWhenTheClientGoesAway() throws Exception {
        ExecutorService clientPool = BoundedExecutors.fixed("client-serve", 1, 10);
        try {
            // The client never answers; the call can only end when the connection does.
            client.registerProcessor(42, (ch, req) -> null, clientPool);
            Channel toClient = serverSideChannel();
            AtomicReference<Throwable> error = new AtomicReference<>();
            server.invokeAsync(toClient, RemotingCommand.createRequest(42), 60_000, (r, e) -> error.set(e));
            client.shutdown();
            await().atMost(Duration.ofSeconds(10)).until(() -> error.get() != null);
            assertTrue(error.get() instanceof RemotingSendRequestException, error.get().toString());
            assertThrows(RemotingSendRequestException.class,
                () -> server.invokeSync(toClient, RemotingCommand.createRequest(42), 3000));
        } finally {
            clientPool.shutdownNow();
        }
    }

    @Test
    void bodyRegionIsSentWithoutCopyAndReleasedOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger released = new java.util.concurrent.atomic.AtomicInteger();
        java.nio.ByteBuffer a = java.nio.ByteBuffer.allocateDirect(3).put(new byte[] {1, 2, 3}).flip();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(new byte[] {4, 5});
        server.registerProcessor(2001, (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS, "region")
            .bodyRegion(io.netty.buffer.Unpooled.wrappedBuffer(a, b), released::incrementAndGet), null);
        for (io.petrel.remoting.protocol.SerializeType type : io.petrel.remoting.protocol.SerializeType.values()) {
            released.set(0);
            a.rewind();
            b.rewind();
            RemotingCommand resp = client.invokeSync(addr, RemotingCommand.createRequest(2001).serializeType(type),
                3000);
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, resp.body());
            assertEquals("region", resp.remark());
            await().atMost(Duration.ofSeconds(5)).until(() -> released.get() == 1);
        }
    }

    @Test
    void channelEventsReachTheListener() throws Exception {
        client.invokeSync(addr, RemotingCommand.createRequest(ECHO), 3000);
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("connect"));
        client.shutdown();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("close"));
    }

    @Test
    void shutdownIsIdempotentAndStopsService() {
        client.shutdown();
        client.shutdown();
        server.shutdown();
        server.shutdown();
        assertThrows(RemotingConnectException.class,
            () -> client.invokeSync(addr, RemotingCommand.createRequest(ECHO), 1000));
        NettyRemotingClient fresh = new NettyRemotingClient(new NettyClientConfig());
        fresh.start();
        try {
            assertThrows(RemotingConnectException.class,
                () -> fresh.invokeSync(addr, RemotingCommand.createRequest(ECHO), 1000));
        } finally {
            fresh.shutdown();
        }
    }
}
