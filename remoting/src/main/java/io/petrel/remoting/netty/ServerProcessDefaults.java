package io.petrel.remoting.netty;

import io.netty.util.ResourceLeakDetector;

/** Process-wide settings of a Petrel server JVM, applied by its {@code main} before any Netty buffer exists. */
public final class ServerProcessDefaults {
    private static final String LEVEL = "io.netty.leakDetection.level";
    private static final String LEGACY_LEVEL = "io.netty.leakDetectionLevel";

    private ServerProcessDefaults() {
    }

    /**
     * Netty's buffer leak sampling off (it records a stack trace for one buffer in 128, a few per cent of a busy
     * broker's CPU) unless {@code -Dio.netty.leakDetection.level} asks for a level.
     */
    public static void apply() {
        if (System.getProperty(LEVEL) == null && System.getProperty(LEGACY_LEVEL) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }
}
