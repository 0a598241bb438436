package io.petrel.remoting.exception;

/** Base of every failure the remoting layer reports to its callers. */
public class RemotingException extends Exception {
    public RemotingException(String message) {
        super(message);
    }

    public RemotingException(String message, Throwable cause) {
        super(message, cause);
    }
}
