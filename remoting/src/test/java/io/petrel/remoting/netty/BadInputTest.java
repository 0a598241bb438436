package io.petrel.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petrel.common.util.BoundedExecutors;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Malformed input closes the offending connection only; the server goes on serving everyone else. */
class BadInputTest {
    private static final long SEED = 7_2026_11_22L;
    private NettyRemotingServer server;
    private NettyRemotingClient goodClient;
    private String addr;

    @BeforeEach
    void setUp() throws Exception {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        server = new NettyRemotingServer(config);
        server.registerProcessor(1000, (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS, "ok"),
            BoundedExecutors.fixed("bad-input-proc", 2, 100));
        server.start();
        addr = "127.0.0.1:" + server.localPort();
        goodClient = new NettyRemotingClient(new NettyClientConfig());
        goodClient.start();
        assertServing();
    }

    @AfterEach
    void tearDown() {
        goodClient.shutdown();
        server.shutdown();
    }

    private void assertServing() throws Exception {
        assertEquals("ok", goodClient.invokeSync(addr, RemotingCommand.createRequest(1000), 3000).remark());
    }

    /** Sends bytes on a fresh socket and returns true when the server closed it without answering. */
    private boolean closedWithoutAnswer(byte[] bytes, boolean halfClose) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.localPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            if (halfClose) {
                s.shutdownOutput();
            }
            InputStream in = s.getInputStream();
            try {
                return in.read() == -1;
            } catch (SocketException reset) {
                return true;
            }
        }
    }

    private static byte[] frame(int length, int headerWord, byte[] rest) throws IOException {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bos);
        out.writeInt(length);
        out.writeInt(headerWord);
        out.write(rest);
        return bos.toByteArray();
    }

    @Test
    void randomBytes() throws Exception {
        Random random = new Random(SEED);
        for (int i = 0; i < 5; i++) {
            byte[] junk = new byte[64 + random.nextInt(512)];
            random.nextBytes(junk);
            junk[0] = (byte) (0x40 | (junk[0] & 0x3F)); // a length far above the frame limit, as junk tends to be
            assertEquals(true, closedWithoutAnswer(junk, false), "seed " + SEED + " round " + i);
            assertServing();
        }
    }

    @Test
    void truncatedFrame() throws Exception {
        byte[] header = "{\"code\":1000,\"opaque\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] whole = frame(4 + header.length + 100, header.length, header);
        assertEquals(true, closedWithoutAnswer(whole, true));
        assertServing();
    }

    @Test
    void frameOverTheLimit() throws Exception {
        byte[] huge = frame(16 * 1024 * 1024, 10, new byte[16]);
        assertEquals(true, closedWithoutAnswer(huge, false));
        assertServing();
    }

    @Test
    void negativeLength() throws Exception {
        assertEquals(true, closedWithoutAnswer(frame(-5, 0, new byte[8]), false));
        assertServing();
    }

    @Test
    void headerThatIsNotJson() throws Exception {
        byte[] header = "{\"code\":1000,\"opaque\":oops}".getBytes(StandardCharsets.UTF_8);
        assertEquals(true, closedWithoutAnswer(frame(4 + header.length, header.length, header), false));
        assertServing();
    }

    @Test
    void headerLengthBeyondFrame() throws Exception {
        assertEquals(true, closedWithoutAnswer(frame(8, 400, new byte[4]), false));
        assertServing();
    }

    @Test
    void unknownSerializeType() throws Exception {
        byte[] header = "{}".getBytes(StandardCharsets.UTF_8);
        assertEquals(true, closedWithoutAnswer(frame(4 + header.length, 0x07000000 | header.length, header), false));
        assertServing();
    }

    @Test
    void goodFrameOnARawSocketIsAnswered() throws Exception {
        byte[] header = "{\"code\":1000,\"opaque\":77}".getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", server.localPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(frame(4 + header.length, header.length, header));
            java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
            int length = in.readInt();
            byte[] rest = new byte[length];
            in.readFully(rest);
            String json = new String(rest, 4, rest.length - 4, StandardCharsets.UTF_8);
            assertEquals("{\"code\":0,\"flag\":1,\"language\":\"JAVA\",\"opaque\":77,\"remark\":\"ok\","
                + "\"serializeTypeCurrentRPC\":\"JSON\",\"version\":407}", json);
        }
    }
}
