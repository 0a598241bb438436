package io.petrel.tools.command.connection;

/**
 * Names of the protocol version ordinals clients send, as 4.9.7's tools print them ({@code V4_9_7}). From 4.0.0
 * on, the ordinals run regularly: a {@code _SNAPSHOT} and a release for each of ten patches of ten minors of a
 * major, through 5.9.9; past that every ordinal is {@code HIGHER_VERSION}.
 */
public final class ClientVersions {
    /** The ordinal of {@code V4_0_0_SNAPSHOT}. */
    private static final int V4_0_0_SNAPSHOT = 212;
    /** The ordinal after {@code V5_9_9}. */
    private static final int HIGHER_VERSION = V4_0_0_SNAPSHOT + 2 * 200;

    private ClientVersions() {
    }

    /**
     * The name of a version ordinal. 4.9.7 knows the irregular names of the 3.x ordinals too; Petrel prints those
     * as {@code V3_ORDINAL_n}, clients that old being out of service.
     */
    public static String name(int ordinal) {
        if (ordinal >= HIGHER_VERSION) {
            return "HIGHER_VERSION";
        }
        if (ordinal < V4_0_0_SNAPSHOT) {
            return "V3_ORDINAL_" + ordinal;
        }
        int step = ordinal - V4_0_0_SNAPSHOT;
        int release = step / 2;
        String name = "V" + (4 + release / 100) + "_" + (release / 10 % 10) + "_" + (release % 10);
        return step % 2 == 0 ? name + "_SNAPSHOT" : name;
    }
}
