package io.petrel.broker.acl;

/** A request plain ACL does not let through; the message says why, in RocketMQ 4.9.7's words. */
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
