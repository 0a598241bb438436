package io.petrel.test.official;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs one official 4.9.7 {@code mqadmin} command in a child JVM and returns what it printed. */
public final class OfficialMqAdmin {
    /** What a command printed and how it ended. */
    public record Result(int exitCode, String output) {
    }

    private OfficialMqAdmin() {
    }

    public static Result run(Path dir, String... args) throws IOException, InterruptedException {
        Path home = OfficialHome.create(Files.createDirectories(dir));
        try (ChildJvm p = ChildJvm.start(home, "org.apache.rocketmq.tools.command.MQAdminStartup", 128,
            List.of(args))) {
            int code = p.waitFor(Duration.ofSeconds(60));
            return new Result(code, p.output());
        }
    }
}
