package io.petrel.common.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NetAddressesTest {
    @Test
    void vipAddressIsTwoBelowTheListenPortOnTheSameHost() {
        assertEquals("127.0.0.1:10909", NetAddresses.vipAddress("127.0.0.1:10911"));
        assertEquals("[::1]:20909", NetAddresses.vipAddress("[::1]:20911"));
    }

    @Test
    void vipAddressRefusesTextWithoutAPort() {
        assertThrows(IllegalArgumentException.class, () -> NetAddresses.vipAddress("localhost"));
        assertThrows(IllegalArgumentException.class, () -> NetAddresses.vipAddress("localhost:port"));
        assertThrows(IllegalArgumentException.class, () -> NetAddresses.vipAddress(null));
    }
}
