package io.petrel.broker.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A short seeded run of every {@link DecoderFuzz} case in the default tests ({@code DecoderFuzzLongTest}: -Pfuzz). */
@Timeout(120)
class DecoderFuzzTest {
    static java.util.List<DecoderFuzz.Case> cases() {
        return DecoderFuzz.cases();
    }

    @Test
    void aTwoGibDeclaredLengthIsRefusedBeforeAnythingIsAllocated() {
        java.nio.ByteBuffer batch = java.nio.ByteBuffer.allocate(64);
        batch.putInt(64).putInt(0).putInt(0).putInt(0).putInt(Integer.MAX_VALUE).flip();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> io.petrel.common.message.MessageBatchCodec.decode(batch.limit(64)));
        assertTrue(e.getMessage().contains("declares a body of 2147483647 bytes"), e.getMessage());

        byte[] record = DecoderFuzz.vector("commitlog_00000000000000000000.hex").clone();
        java.nio.ByteBuffer r = java.nio.ByteBuffer.wrap(record);
        int bornHostEnd = 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + 8 + 8 + 8 + 4 + 8;
        r.putInt(bornHostEnd, Integer.MAX_VALUE); // the body length of the first record (IPv4 hosts)
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
            () -> io.petrel.common.message.StoredMessageCodec.decode(java.nio.ByteBuffer.wrap(record), true, false));
        assertTrue(e2.getMessage().contains("declares a body of 2147483647 bytes"), e2.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodersRefuseHostileBytesCleanly(DecoderFuzz.Case c) {
        FuzzRun.Result r = FuzzRun.run(c.name(), 20261203L, 30_000, c.seeds(), c.target(), c.clean());
        System.out.println(r);
        assertTrue(r.failures().isEmpty(), r.toString());
    }
}
