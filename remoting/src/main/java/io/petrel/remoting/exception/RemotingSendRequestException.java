package io.petrel.remoting.exception;

/** The request could not be written to the channel (it closed, or the write failed). */
public class RemotingSendRequestException extends RemotingException {
    public RemotingSendRequestException(String addr, Throwable cause) {
        super("send request to <" + addr + "> failed", cause);
    }
}
