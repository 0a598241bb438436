package io.petrel.remoting.netty;

import io.netty.channel.Channel;
import io.petrel.remoting.InvokeCallback;
import io.petrel.remoting.protocol.RemotingCommand;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/** One request waiting for its response. Completed once, by the response, a send failure or a timeout. */
final class ResponseFuture {
    private final int opaque;
    private final Channel channel;
    private final long beginMillis;
    private final long timeoutMillis;
    private final InvokeCallback callback;
    private final Semaphore permits;
    private final AtomicBoolean permitReleased = new AtomicBoolean();
    private final CompletableFuture<RemotingCommand> result = new CompletableFuture<>();

    ResponseFuture(int opaque, Channel channel, long beginMillis, long timeoutMillis, InvokeCallback callback,
                   Semaphore permits) {
        this.opaque = opaque;
        this.channel = channel;
        this.beginMillis = beginMillis;
        this.timeoutMillis = timeoutMillis;
        this.callback = callback;
        this.permits = permits;
    }

    int opaque() {
        return opaque;
    }

    Channel channel() {
        return channel;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    InvokeCallback callback() {
        return callback;
    }

    CompletableFuture<RemotingCommand> result() {
        return result;
    }

    boolean expiredAt(long nowMillis, long graceMillis) {
        return beginMillis + timeoutMillis + graceMillis <= nowMillis;
    }

    void releasePermit() {
        if (permits != null && permitReleased.compareAndSet(false, true)) {
            permits.release();
        }
    }
}
