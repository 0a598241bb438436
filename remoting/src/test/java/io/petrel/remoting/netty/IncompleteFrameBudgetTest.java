package io.petrel.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.petrel.common.util.BoundedExecutors;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connections that begin frames and do not finish them hold at most {@code serverMaxIncompleteFrameBytes} together:
 * past it the one whose frame began longest ago is closed, the others and whole requests go on being served.
 */
class IncompleteFrameBudgetTest {
    private static final int ECHO = 1000;
    private static final int LIMIT = 1024 * 1024;
    private static final int BODY = 900 * 1024;
    private static final int PART = 600 * 1024;
    private NettyRemotingServer server;
    private NettyRemotingClient goodClient;
    private final ExecutorService pool = BoundedExecutors.fixed("budget-proc", 2, 100);
    private String addr;

    @BeforeEach
    void setUp() {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setServerMaxIncompleteFrameBytes(LIMIT);
        server = new NettyRemotingServer(config);
        server.registerProcessor(ECHO, (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS, "ok")
            .body(req.body()), pool);
        server.start();
        addr = "127.0.0.1:" + server.localPort();
        goodClient = new NettyRemotingClient(new NettyClientConfig());
        goodClient.start();
    }

    @AfterEach
    void tearDown() {
        goodClient.shutdown();
        server.shutdown();
        pool.shutdownNow();
    }

    private void assertServing() throws Exception {
        assertEquals("ok", goodClient.invokeSync(addr, RemotingCommand.createRequest(ECHO), 3000).remark());
    }

    private static byte[] echoFrame(byte[] body) {
        ByteBuf out = Unpooled.buffer();
        RemotingFrame.encode(RemotingCommand.createRequest(ECHO).body(body), out);
        return ByteBufUtil.getBytes(out);
    }

    private static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Test
    void pastTheLimitTheOldestIncompleteFrameIsClosedAndTheRestServed() throws Exception {
        byte[] body = new byte[BODY];
        Arrays.fill(body, (byte) 'b');
        byte[] frame = echoFrame(body);
        try (Socket oldest = new Socket("127.0.0.1", server.localPort());
             Socket newer = new Socket("127.0.0.1", server.localPort())) {
            oldest.getOutputStream().write(frame, 0, PART);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.incompleteFrameBytes() >= PART);
            assertServing();

            newer.getOutputStream().write(frame, 0, PART);
            assertTrue(closedByServer(oldest), "the connection whose frame began first is closed");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.incompleteFrameBytes() <= LIMIT);
            assertServing();

            newer.getOutputStream().write(frame, PART, frame.length - PART);
            newer.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(newer.getInputStream());
            byte[] answer = new byte[in.readInt()];
            in.readFully(answer);
            RemotingCommand resp = RemotingFrame.decode(Unpooled.wrappedBuffer(answer));
            assertEquals(ResponseCode.SUCCESS, resp.code());
            assertArrayEquals(body, resp.body(), "the frame completed after the eviction is served whole");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.incompleteFrameBytes() == 0);
        }
    }

    @Test
    void closedConnectionsReturnTheirShare() throws Exception {
        byte[] frame = echoFrame(new byte[BODY]);
        for (int i = 0; i < 3; i++) {
            try (Socket s = new Socket("127.0.0.1", server.localPort())) {
                s.getOutputStream().write(frame, 0, PART);
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.incompleteFrameBytes() >= PART);
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.incompleteFrameBytes() == 0);
        }
        assertServing();
    }
}
