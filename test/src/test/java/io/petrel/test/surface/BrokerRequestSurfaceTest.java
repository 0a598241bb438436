package io.petrel.test.surface;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broker's request surface, request by request: the same request (built with the official 4.9.7 classes) to an
 * official broker and to Petrel after the same script of actions, the answers compared in code, remark, header
 * fields and body structure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class BrokerRequestSurfaceTest {
    /** The topic the script writes to, on both sides; 4 read and write queues (auto-created). */
    static final String TOPIC = "SURFACE";
    /** A consumer group that consumed everything on {@link #TOPIC} and stays online. */
    static final String GROUP = "CG_SURFACE";
    static final int MESSAGES = 20;
    /** The client id of the consumer of {@link #GROUP} on each side. */
    static final Map<SideBySide.Side, String> CONSUMER_CLIENT_IDS = new EnumMap<>(SideBySide.Side.class);

    @TempDir
    static Path dir;
    private SideBySide sides;

    @BeforeAll
    void script() throws Exception {
        sides = SideBySide.start(dir, List.of(), SideBySide.officialClusterName());
        sides.sendToBoth(TOPIC, "TagA", "m", MESSAGES);
        sides.awaitRoutes(TOPIC);
        CONSUMER_CLIENT_IDS.putAll(sides.consumeOnBoth(TOPIC, GROUP, MESSAGES));
    }

    @AfterAll
    void stop() {
        if (sides != null) {
            sides.close();
        }
    }

    Stream<SurfaceCase> cases() {
        return Stream.of(CoreSurfaceCases.cases(), GroupSurfaceCases.cases(), StatsSurfaceCases.cases(),
            StoreSurfaceCases.cases()).flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameAnswerAsOfficialBroker(SurfaceCase c) throws Exception {
        sides.ask(c.request()).assertSameShape(c.name(), c.remarkIgnored(), c.dataKeyed());
    }
}
