package io.petrel.tools.command.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientVersionsTest {
    @Test
    void namesTheOrdinalsOf4xAnd5x() {
        assertEquals("V4_0_0_SNAPSHOT", ClientVersions.name(212));
        assertEquals("V4_0_0", ClientVersions.name(213));
        assertEquals("V4_1_0_SNAPSHOT", ClientVersions.name(232));
        assertEquals("V4_9_4", ClientVersions.name(401));
        assertEquals("V4_9_7", ClientVersions.name(407));
        assertEquals("V5_9_9", ClientVersions.name(611));
        assertEquals("HIGHER_VERSION", ClientVersions.name(612));
        assertEquals("HIGHER_VERSION", ClientVersions.name(9999));
    }
}
