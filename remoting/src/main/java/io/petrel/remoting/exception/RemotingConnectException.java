package io.petrel.remoting.exception;

/** No channel could be opened to the address. */
public class RemotingConnectException extends RemotingException {
    public RemotingConnectException(String addr) {
        super("connect to " + addr + " failed");
    }

    public RemotingConnectException(String addr, Throwable cause) {
        super("connect to " + addr + " failed", cause);
    }
}
