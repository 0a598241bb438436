package io.petrel.remoting.protocol;

/** How a frame's header is encoded; the code is the high byte of the frame's header-length word. */
public enum SerializeType {
    JSON((byte) 0),
    ROCKETMQ((byte) 1);

    private final byte code;

    SerializeType(byte code) {
        this.code = code;
    }

    public byte code() {
        return code;
    }

    /** @return the type for a wire code, or null when the code is unknown. */
    public static SerializeType ofCode(int code) {
        return switch (code) {
            case 0 -> JSON;
            case 1 -> ROCKETMQ;
            default -> null;
        };
    }
}
