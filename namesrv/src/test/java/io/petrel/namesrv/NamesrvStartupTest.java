package io.petrel.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesrvStartupTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return NamesrvStartup.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), new CountDownLatch(1));
    }

    @Test
    void printsEveryOrTheImportantSettingsFromTheFile() throws Exception {
        Path conf = dir.resolve("namesrv.conf");
        Files.writeString(conf, "listenPort=19876\norderMessageEnable=true\nmysteryKey=1\n");
        assertEquals(0, run("-c", conf.toString(), "-p"));
        String all = out.toString(StandardCharsets.UTF_8);
        assertTrue(all.contains("listenPort=19876"), all);
        assertTrue(all.contains("serverChannelMaxIdleTimeSeconds=120"), all);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("mysteryKey"));
        out.reset();
        assertEquals(0, run("-c", conf.toString(), "-m"));
        String important = out.toString(StandardCharsets.UTF_8);
        assertTrue(important.contains("orderMessageEnable=true"), important);
        assertFalse(important.contains("serverChannelMaxIdleTimeSeconds"), important);
    }

    @Test
    void badValueOrMissingFileStopsStartWithTheReason() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "listenPort=ninety\n");
        assertEquals(1, run("-c", conf.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("listenPort"), err.toString(StandardCharsets.UTF_8));
        assertEquals(1, run("-c", dir.resolve("absent.conf").toString()));
        assertEquals(1, run("--no-such-option"));
        assertEquals(0, run("-h"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("mqnamesrv"));
    }
}
