package io.petrel.remoting.protocol;

/**
 * Protocol version ordinals carried in every command's {@code version} field. Petrel speaks as a
 * 4.9.7 peer: several peers switch behaviour on the version they receive (route JSON dialect at 401,
 * SQL92 pulls at 232, {@code maxReconsumeTimes} at 121).
 */
public final class RemotingVersion {
    public static final int V3_0_7_SNAPSHOT = 28;
    public static final int V3_0_11 = 37;
    public static final int V3_1_8_SNAPSHOT = 62;
    public static final int V3_4_9 = 121;
    public static final int V4_1_0_SNAPSHOT = 232;
    public static final int V4_9_4 = 401;
    public static final int V4_9_7 = 407;
    /** The first 5.x version: requests from 5.x clients and tools carry this or a later one. */
    public static final int V5_0_0 = 413;

    /** The version Petrel writes into every command it creates. */
    public static final int CURRENT = V4_9_7;

    private RemotingVersion() {
    }
}
