package io.petrel.test.official;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code rocketmq.home.dir} for official RocketMQ processes: {@code conf/logback_*.xml} that send their logs to
 * {@code <home>/logs} at WARN, so nothing lands in the real home directory.
 */
public final class OfficialHome {
    private OfficialHome() {
    }

    public static Path create(Path dir) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        for (String name : new String[] {"broker", "namesrv", "tools"}) {
            Files.writeString(conf.resolve("logback_" + name + ".xml"), logback(dir.resolve("logs"), name));
        }
        return dir;
    }

    private static String logback(Path logDir, String name) {
        return """
            <configuration>
              <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                <file>%s/%s.log</file>
                <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level [%%thread] %%logger{32} - %%msg%%n</pattern></encoder>
              </appender>
              <root level="WARN"><appender-ref ref="FILE"/></root>
            </configuration>
            """.formatted(logDir, name);
    }
}
