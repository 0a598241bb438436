package io.petrel.remoting.exception;

/** Too many asynchronous or oneway requests are already in flight; the call was not sent. */
public class RemotingTooMuchRequestException extends RemotingException {
    public RemotingTooMuchRequestException(String message) {
        super(message);
    }
}
