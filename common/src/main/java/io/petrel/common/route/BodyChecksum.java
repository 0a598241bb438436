package io.petrel.common.route;

import java.util.zip.CRC32;

/**
 * The {@code bodyCrc32} of REGISTER_BROKER: CRC32 of the body bytes with the sign bit cleared, sent as a decimal
 * int. {@code 0} on the receiving side means "not checked".
 */
public final class BodyChecksum {
    private BodyChecksum() {
    }

    public static int crc32(byte[] body) {
        if (body == null) {
            return 0;
        }
        CRC32 crc = new CRC32();
        crc.update(body, 0, body.length);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }
}
