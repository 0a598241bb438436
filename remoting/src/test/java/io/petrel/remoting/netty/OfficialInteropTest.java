package io.petrel.remoting.netty;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.util.BoundedExecutors;
import io.petrel.remoting.exception.RemotingTimeoutException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.SerializeType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.rocketmq.remoting.netty.NettyRequestProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Petrel and the official 4.9.7 remoting classes talk to each other, both ways, in both header codecs. */
class OfficialInteropTest {
    static final int ECHO = 1000;
    static final int BLOCK = 1001;
    static final int SINK = 1002;

    private static org.apache.rocketmq.remoting.protocol.SerializeType officialType(SerializeType type) {
        return type == SerializeType.JSON ? org.apache.rocketmq.remoting.protocol.SerializeType.JSON
            : org.apache.rocketmq.remoting.protocol.SerializeType.ROCKETMQ;
    }

    /** The official client calls a Petrel server. */
    @Nested
    class OfficialClientToPetrelServer {
        private final CountDownLatch release = new CountDownLatch(1);
        private final BlockingQueue<RemotingCommand> sunk = new LinkedBlockingQueue<>();
        private NettyRemotingServer server;
        private org.apache.rocketmq.remoting.netty.NettyRemotingClient client;
        private String addr;

        void start() {
            NettyServerConfig config = new NettyServerConfig();
            config.setBindAddress("127.0.0.1");
            server = new NettyRemotingServer(config);
            ExecutorService pool = BoundedExecutors.fixed("interop-proc", 4, 1000);
            server.registerProcessor(ECHO, (ch, req) -> {
                RemotingCommand resp = RemotingCommand.createResponse(ResponseCode.SUCCESS, "echo:" + req.remark());
                resp.addExtField("topic", req.fields().requiredString("topic"));
                return resp.body(req.body());
            }, pool);
            server.registerProcessor(BLOCK, (ch, req) -> {
                release.await(20, TimeUnit.SECONDS);
                return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
            }, pool);
            server.registerProcessor(SINK, (ch, req) -> {
                sunk.add(req);
                return null;
            }, pool);
            server.start();
            addr = "127.0.0.1:" + server.localPort();
            client = new org.apache.rocketmq.remoting.netty.NettyRemotingClient(
                new org.apache.rocketmq.remoting.netty.NettyClientConfig());
            client.start();
        }

        @AfterEach
        void stop() {
            release.countDown();
            if (client != null) {
                client.shutdown();
            }
            if (server != null) {
                server.shutdown();
            }
        }

        private org.apache.rocketmq.remoting.protocol.RemotingCommand request(int code, SerializeType type) {
            org.apache.rocketmq.remoting.protocol.RemotingCommand req =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(code, null);
            req.setSerializeTypeCurrentRPC(officialType(type));
            req.setVersion(407);
            req.setRemark("r\u00e9");
            req.addExtField("topic", "TopicTest");
            req.setBody("hello".getBytes(StandardCharsets.UTF_8));
            return req;
        }

        @ParameterizedTest
        @EnumSource(SerializeType.class)
        void sync(SerializeType type) throws Exception {
            start();
            org.apache.rocketmq.remoting.protocol.RemotingCommand resp = client.invokeSync(addr, request(ECHO, type),
                3000);
            assertEquals(0, resp.getCode());
            assertEquals("echo:r\u00e9", resp.getRemark());
            assertEquals("TopicTest", resp.getExtFields().get("topic"));
            assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), resp.getBody());
            assertEquals(officialType(type), resp.getSerializeTypeCurrentRPC());
            assertEquals(407, resp.getVersion());
        }

        @ParameterizedTest
        @EnumSource(SerializeType.class)
        void async(SerializeType type) throws Exception {
            start();
            AtomicReference<org.apache.rocketmq.remoting.protocol.RemotingCommand> got = new AtomicReference<>();
            client.invokeAsync(addr, request(ECHO, type), 3000, f -> got.set(f.getResponseCommand()));
            await().atMost(Duration.ofSeconds(5)).until(() -> got.get() != null);
            assertEquals("TopicTest", got.get().getExtFields().get("topic"));
        }

        @ParameterizedTest
        @EnumSource(SerializeType.class)
        void oneway(SerializeType type) throws Exception {
            start();
            client.invokeOneway(addr, request(SINK, type), 3000);
            RemotingCommand seen = sunk.poll(5, TimeUnit.SECONDS);
            assertTrue(seen.isOneway());
            assertEquals(type, seen.serializeType());
            assertEquals("TopicTest", seen.extFields().get("topic"));
        }

        @Test
        void missingFieldGivesSystemError() throws Exception {
            start();
            org.apache.rocketmq.remoting.protocol.RemotingCommand req = request(ECHO, SerializeType.JSON);
            req.getExtFields().remove("topic");
            org.apache.rocketmq.remoting.protocol.RemotingCommand resp = client.invokeSync(addr, req, 3000);
            assertEquals(ResponseCode.SYSTEM_ERROR, resp.getCode());
            assertTrue(resp.getRemark().contains("<topic>"), resp.getRemark());
        }

        @Test
        void timeoutIsATimeout() {
            start();
            assertThrows(org.apache.rocketmq.remoting.exception.RemotingTimeoutException.class,
                () -> client.invokeSync(addr, request(BLOCK, SerializeType.JSON), 300));
        }
    }

    @FunctionalInterface
    interface Handler {
        org.apache.rocketmq.remoting.protocol.RemotingCommand processRequest(io.netty.channel.ChannelHandlerContext ctx,
            org.apache.rocketmq.remoting.protocol.RemotingCommand request) throws Exception;
    }

    /** Petrel's client calls an official server. */
    @Nested
    class PetrelClientToOfficialServer {
        private final CountDownLatch release = new CountDownLatch(1);
        private final BlockingQueue<org.apache.rocketmq.remoting.protocol.RemotingCommand> sunk =
            new LinkedBlockingQueue<>();
        private org.apache.rocketmq.remoting.netty.NettyRemotingServer server;
        private NettyRemotingClient client;
        private String addr;

        void start() {
            org.apache.rocketmq.remoting.netty.NettyServerConfig config =
                new org.apache.rocketmq.remoting.netty.NettyServerConfig();
            config.setListenPort(0);
            server = new org.apache.rocketmq.remoting.netty.NettyRemotingServer(config);
            ExecutorService pool = BoundedExecutors.fixed("official-proc", 4, 1000);
            server.registerProcessor(ECHO, processor((ctx, req) -> {
                org.apache.rocketmq.remoting.protocol.RemotingCommand resp =
                    org.apache.rocketmq.remoting.protocol.RemotingCommand.createResponseCommand(0, "echo:"
                        + req.getRemark());
                resp.addExtField("topic", req.getExtFields().get("topic"));
                resp.setBody(req.getBody());
                return resp;
            }), pool);
            server.registerProcessor(BLOCK, processor((ctx, req) -> {
                release.await(20, TimeUnit.SECONDS);
                return org.apache.rocketmq.remoting.protocol.RemotingCommand.createResponseCommand(0, null);
            }), pool);
            server.registerProcessor(SINK, processor((ctx, req) -> {
                sunk.add(req);
                return null;
            }), pool);
            server.start();
            addr = "127.0.0.1:" + server.localListenPort();
            client = new NettyRemotingClient(new NettyClientConfig());
            client.start();
        }

        private NettyRequestProcessor processor(Handler body) {
            return new NettyRequestProcessor() {
                @Override
                public org.apache.rocketmq.remoting.protocol.RemotingCommand processRequest(
                    io.netty.channel.ChannelHandlerContext ctx,
                    org.apache.rocketmq.remoting.protocol.RemotingCommand request) throws Exception {
                    return body.processRequest(ctx, request);
                }

                @Override
                public boolean rejectRequest() {
                    return false;
                }
            };
        }

        @AfterEach
        void stop() {
            release.countDown();
            if (client != null) {
                client.shutdown();
            }
            if (server != null) {
                server.shutdown();
            }
        }

        private RemotingCommand request(int code, SerializeType type) {
            RemotingCommand req = RemotingCommand.createRequest(code).serializeType(type).remark("r\u00e9")
                .body("hello");
            req.addExtField("topic", "TopicTest");
            return req;
        }

        @ParameterizedTest
        @EnumSource(SerializeType.class)
        void sync(SerializeType type) throws Exception {
            start();
            RemotingCommand resp = client.invokeSync(addr, request(ECHO, type), 3000);
            assertEquals(0, resp.code());
            assertEquals("echo:r\u00e9", resp.remark());
            assertEquals("TopicTest", resp.extFields().get("topic"));
            assertEquals("hello", new String(resp.body(), StandardCharsets.UTF_8));
            assertEquals(type, resp.serializeType());
        }

        @ParameterizedTest
        @EnumSource(SerializeType.class)
        void async(SerializeType type) throws Exception {
            start();
            AtomicReference<RemotingCommand> got = new AtomicReference<>();
            client.invokeAsync(addr, request(ECHO, type), 3000, (r, e) -> got.set(r));
            await().atMost(Duration.ofSeconds(5)).until(() -> got.get() != null);
            assertEquals("TopicTest", got.get().extFields().get("topic"));
        }

        @ParameterizedTest
        @EnumSource(SerializeType.class)
        void oneway(SerializeType type) throws Exception {
            start();
            client.invokeOneway(addr, request(SINK, type), 3000);
            org.apache.rocketmq.remoting.protocol.RemotingCommand seen = sunk.poll(5, TimeUnit.SECONDS);
            assertTrue(seen.isOnewayRPC());
            assertEquals("TopicTest", seen.getExtFields().get("topic"));
        }

        @Test
        void unknownCodeIsNotSupported() throws Exception {
            start();
            RemotingCommand resp = client.invokeSync(addr, request(4242, SerializeType.JSON), 3000);
            assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, resp.code());
        }

        @Test
        void timeoutIsATimeout() {
            start();
            assertThrows(RemotingTimeoutException.class,
                () -> client.invokeSync(addr, request(BLOCK, SerializeType.JSON), 300));
        }
    }
}
