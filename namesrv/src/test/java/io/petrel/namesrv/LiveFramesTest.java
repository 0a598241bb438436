package io.petrel.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petrel.namesrv.kvconfig.KVConfigManager;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays request frames captured between official 4.9.7 components to a Petrel NameServer, byte for byte, and
 * expects the very response frames the official NameServer sent (same opaque, same header, same body).
 */
@Timeout(60)
class LiveFramesTest {
    @TempDir
    Path dir;
    private NamesrvController controller;
    private Socket socket;

    @BeforeEach
    void start() throws IOException {
        controller = new NamesrvController(NamesrvControllerTest.configs(dir, Map.of()), System::currentTimeMillis);
        controller.start();
        // The captured NameServer had an empty ORDER_TOPIC_CONFIG namespace left by an earlier run.
        controller.kvConfig().put(KVConfigManager.ORDER_TOPIC_CONFIG, "gone", "x");
        controller.kvConfig().delete(KVConfigManager.ORDER_TOPIC_CONFIG, "gone");
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", controller.listenPort()), 5000);
        socket.setSoTimeout(10_000);
    }

    @AfterEach
    void stop() throws IOException {
        if (socket != null) {
            socket.close();
        }
        if (controller != null) {
            controller.shutdown();
        }
    }

    private static byte[] frame(String name) {
        try (InputStream in = LiveFramesTest.class.getResourceAsStream("/vectors/live/frames/" + name + ".hex")) {
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String exchange(String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(frame(request));
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int length = in.readInt();
        byte[] rest = new byte[length];
        in.readFully(rest);
        byte[] whole = new byte[4 + length];
        whole[0] = (byte) (length >>> 24);
        whole[1] = (byte) (length >>> 16);
        whole[2] = (byte) (length >>> 8);
        whole[3] = (byte) length;
        System.arraycopy(rest, 0, whole, 4, length);
        return readable(whole);
    }

    /** Header text and body text of a JSON frame, so a mismatch shows where it is. */
    private static String readable(byte[] frame) {
        int headerLength = ((frame[5] & 0xFF) << 16) | ((frame[6] & 0xFF) << 8) | (frame[7] & 0xFF);
        return new String(frame, 8, headerLength, StandardCharsets.UTF_8) + " | "
            + new String(frame, 8 + headerLength, frame.length - 8 - headerLength, StandardCharsets.UTF_8);
    }

    @Test
    void answersCapturedRequestsExactlyAsThe497NameServerDid() throws IOException {
        assertEquals(readable(frame("02_register_broker_response_master")),
            exchange("01_register_broker_request_boot"));
        exchange("04_register_broker_request_after_topic_update");
        assertEquals(readable(frame("07_get_route_response_v407")), exchange("06_get_route_request_v407"));
        assertEquals(readable(frame("09_get_route_response_v0")), exchange("08_get_route_request_v0"));
        assertEquals(readable(frame("11_get_route_response_v400")), exchange("10_get_route_request_v400"));
        assertEquals(readable(frame("13_get_route_response_v401")), exchange("12_get_route_request_v401"));
        assertEquals(readable(frame("15_get_route_response_topic_not_exist")),
            exchange("14_get_route_request_unknown_topic"));
        assertEquals(readable(frame("50_get_broker_cluster_info_response")),
            exchange("49_get_broker_cluster_info_request"));
        assertEquals(readable(frame("54_unregister_broker_response")), exchange("53_unregister_broker_request"));
    }
}
