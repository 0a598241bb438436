package io.petrel.remoting.exception;

/**
 * Thrown by a server-side RPC hook that refuses a request before it reaches its processor: the request is answered
 * with {@link #code()} and {@link #remark()} as they are (no class name added), and the refusal is logged on one
 * line without a stack trace.
 */
public class RequestRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String remark;

    public RequestRefusedException(int code, String remark, String message) {
        super(message);
        this.code = code;
        this.remark = remark;
    }

    public int code() {
        return code;
    }

    public String remark() {
        return remark;
    }
}
