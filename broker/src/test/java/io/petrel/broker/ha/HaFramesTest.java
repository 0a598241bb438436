package io.petrel.broker.ha;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** HA frames against the bytes an official 4.9.7 master and slave exchanged (vectors/ha, see its README). */
class HaFramesTest {
    private static byte[] vector(String name) throws IOException {
        try (InputStream in = HaFramesTest.class.getResourceAsStream("/vectors/ha/" + name)) {
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", "");
            return HexFormat.of().parseHex(hex);
        }
    }

    private static byte[] header(long offset, int size) {
        byte[] h = new byte[HaFrames.HEADER_SIZE];
        HaFrames.header(h, offset, size);
        return h;
    }

    @Test
    void reportsAreThe497Bytes() throws IOException {
        assertArrayEquals(vector("ha_01_slave_report_0.hex"), HaFrames.report(0));
        assertArrayEquals(vector("ha_04_slave_report_207.hex"), HaFrames.report(207));
        assertArrayEquals(vector("ha_06_slave_report_414.hex"), HaFrames.report(414));
        assertArrayEquals(vector("ha_07_slave_report_414_idle.hex"), HaFrames.report(414));
        assertEquals(414, HaFrames.reportOffset(vector("ha_06_slave_report_414.hex")));
    }

    @Test
    void headersAreThe497Bytes() throws IOException {
        assertArrayEquals(vector("ha_02_master_heartbeat_0.hex"), header(0, 0));
        assertArrayEquals(vector("ha_08_master_heartbeat_414.hex"), header(414, 0));
        byte[] data = vector("ha_05_master_data_207_207.hex");
        assertArrayEquals(Arrays.copyOf(data, HaFrames.HEADER_SIZE), header(207, 207));
        assertEquals(207, HaFrames.headerOffset(data));
        assertEquals(207, HaFrames.headerSize(data));
        assertEquals(HaFrames.HEADER_SIZE + 207, data.length);
    }

    /** Both captured streams, cut into frames by the decoder and put together again by the encoder. */
    @Test
    void theCapturedStreamsRoundTrip() throws IOException {
        byte[] down = vector("ha_stream_master_to_slave.hex");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        int frames = 0;
        for (int at = 0; at < down.length; frames++) {
            byte[] h = Arrays.copyOfRange(down, at, at + HaFrames.HEADER_SIZE);
            int size = HaFrames.headerSize(h);
            again.writeBytes(header(HaFrames.headerOffset(h), size));
            again.write(down, at + HaFrames.HEADER_SIZE, size);
            at += HaFrames.HEADER_SIZE + size;
        }
        assertArrayEquals(down, again.toByteArray());
        assertTrue(frames >= 3, "heartbeats and two data frames");

        byte[] up = vector("ha_stream_slave_to_master.hex");
        ByteArrayOutputStream reports = new ByteArrayOutputStream();
        for (int at = 0; at < up.length; at += HaFrames.REPORT_SIZE) {
            reports.writeBytes(HaFrames.report(HaFrames.reportOffset(Arrays.copyOfRange(up, at, at + 8))));
        }
        assertArrayEquals(up, reports.toByteArray());
    }
}
