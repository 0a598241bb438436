package io.petrel.remoting.exception;

/** A command could not be decoded or a header field is missing or malformed. */
public class RemotingCommandException extends RemotingException {
    public RemotingCommandException(String message) {
        super(message);
    }

    public RemotingCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
