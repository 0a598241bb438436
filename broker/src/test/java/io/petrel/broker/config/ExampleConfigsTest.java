package io.petrel.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.broker.BrokerStartup;
import io.petrel.store.BrokerRole;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped two-group example configs start as what their names say, with no unknown key. */
class ExampleConfigsTest {
    @ParameterizedTest
    @ValueSource(strings = {"2m-2s-sync", "2m-2s-async"})
    void everyFileMapsToTheRoleItsNameSays(String example) throws Exception {
        Path dir = Path.of("..", "conf", example);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
        }
        assertEquals(4, files.size(), files.toString());
        BrokerRole master = example.endsWith("sync") && !example.endsWith("async") ? BrokerRole.SYNC_MASTER
            : BrokerRole.ASYNC_MASTER;
        for (Path f : files) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f)) {
                p.load(r);
            }
            BrokerSettings s = BrokerStartup.settings(p);
            assertEquals(Set.of(), s.unknownKeys(), f.toString());
            boolean slave = f.getFileName().toString().endsWith("-s.properties");
            assertEquals(slave ? BrokerRole.SLAVE : master, s.store().brokerRole(), f.toString());
            assertTrue(slave ? s.broker().getBrokerId() > 0 : s.broker().getBrokerId() == 0, f.toString());
        }
    }
}
