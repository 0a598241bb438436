package io.petrel.remoting.netty;

import io.netty.channel.Channel;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.InvokeCallback;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.exception.RemotingSendRequestException;
import io.petrel.remoting.exception.RemotingTimeoutException;
import io.petrel.remoting.exception.RemotingTooMuchRequestException;
import io.petrel.remoting.protocol.RemotingCommand;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls this side has sent and not yet seen answered: gives each request its opaque, keeps it in the
 * pending table until the response with that opaque arrives, and otherwise ends it with an error when the send
 * fails, its channel closes, the timeout scan finds it expired or everything shuts down. Asynchronous and oneway
 * calls each hold a permit from their own bounded pool while in flight; every way a call ends gives it back.
 * Callbacks of asynchronous calls run on the callback executor (inline if it refuses them). Both clients and
 * servers make calls (a broker asks its clients for transaction state), so both own one. Thread-safe.
 */
final class InFlightCalls {
    private static final Logger LOG = LoggerFactory.getLogger(InFlightCalls.class);
    /** How long past its timeout an asynchronous call may stay before the scanner fails it. */
    static final long SCAN_GRACE_MILLIS = 1000;

    private final Map<Integer, ResponseFuture> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextOpaque = new AtomicInteger();
    private final Semaphore asyncPermits;
    private final Semaphore onewayPermits;
    private volatile Executor callbackExecutor = Runnable::run;

    InFlightCalls(int asyncPermits, int onewayPermits) {
        this.asyncPermits = new Semaphore(asyncPermits, true);
        this.onewayPermits = new Semaphore(onewayPermits, true);
    }

    /** Where asynchronous callbacks run; until set, they run on the thread that ends the call. */
    void callbackExecutor(Executor executor) {
        this.callbackExecutor = executor;
    }

    // ---- calls ----------------------------------------------------------------------------------------

    RemotingCommand invokeSync(Channel channel, String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingException {
        ResponseFuture future = send(channel, addr, request, System.currentTimeMillis(), timeoutMillis, null, null);
        try {
            return future.result().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RemotingTimeoutException(addr, timeoutMillis, null);
        } catch (ExecutionException e) {
            throw asRemotingException(e.getCause(), addr);
        } finally {
            pending.remove(future.opaque());
        }
    }

    /** Returns once the request is handed to the channel; {@code callback} hears how the call ended. */
    void invokeAsync(Channel channel, String addr, RemotingCommand request, long timeoutMillis,
                     InvokeCallback callback) throws InterruptedException, RemotingException {
        long begin = System.currentTimeMillis();
        if (!asyncPermits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new RemotingTooMuchRequestException("invokeAsync to " + addr + ": no permit within "
                + timeoutMillis + " ms, " + asyncPermits.getQueueLength() + " waiting");
        }
        // The call's deadline is begin + timeout: the wait for a permit is already part of it.
        send(channel, addr, request, begin, timeoutMillis, callback, asyncPermits);
    }

    private ResponseFuture send(Channel channel, String addr, RemotingCommand request, long beginMillis,
                                long timeoutMillis, InvokeCallback callback, Semaphore permits) {
        int opaque = nextOpaque.incrementAndGet();
        request.opaque(opaque);
        ResponseFuture future = new ResponseFuture(opaque, channel, beginMillis, timeoutMillis, callback, permits);
        pending.put(opaque, future);
        channel.writeAndFlush(request).addListener(f -> {
            if (!f.isSuccess()) {
                fail(opaque, new RemotingSendRequestException(addr, f.cause()));
            }
        });
        return future;
    }

    /** Nothing waits for an answer: the permit is held only until the write completes. */
    void invokeOneway(Channel channel, String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingException {
        request.markOneway();
        if (!onewayPermits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new RemotingTooMuchRequestException("invokeOneway to " + addr + ": no permit within "
                + timeoutMillis + " ms");
        }
        request.opaque(nextOpaque.incrementAndGet());
        try {
            channel.writeAndFlush(request).addListener(f -> {
                onewayPermits.release();
                if (!f.isSuccess()) {
                    LOG.warn("oneway request code {} to {} could not be sent", request.code(), addr, f.cause());
                }
            });
        } catch (RuntimeException e) {
            onewayPermits.release();
            throw new RemotingSendRequestException(addr, e);
        }
    }

    private static RemotingException asRemotingException(Throwable cause, String addr) {
        if (cause instanceof RemotingException re) {
            return re;
        }
        return new RemotingSendRequestException(addr, cause);
    }

    // ---- ends of calls --------------------------------------------------------------------------------

    /** Ends the call {@code response} answers; a response nobody waits for (any more) is logged and dropped. */
    void onResponse(RemotingCommand response) {
        ResponseFuture future = pending.remove(response.opaque());
        if (future == null) {
            LOG.warn("response with unknown opaque {} dropped (caller gave up or it was never asked): {}",
                response.opaque(), response);
            return;
        }
        complete(future, response, null);
    }

    /** Fails every call still waiting on {@code channel} at once: its responses can no longer arrive. */
    void failCallsOn(Channel channel, String addr) {
        for (ResponseFuture f : pending.values()) {
            if (f.channel() == channel) {
                fail(f.opaque(), new RemotingSendRequestException(addr,
                    new IOException("connection closed before the response arrived")));
            }
        }
    }

    /**
     * Fails asynchronous calls whose timeout (plus {@link #SCAN_GRACE_MILLIS}) has passed at {@code nowMillis};
     * synchronous callers time out on their own. Run about once a second.
     *
     * @return how many calls it failed
     */
    int scanTimedOut(long nowMillis) {
        int failed = 0;
        for (ResponseFuture f : pending.values()) {
            if (f.callback() != null && f.expiredAt(nowMillis, SCAN_GRACE_MILLIS)) {
                ResponseFuture removed = pending.remove(f.opaque());
                if (removed != null) {
                    String addr = NetAddresses.format(f.channel().remoteAddress());
                    complete(removed, null, new RemotingTimeoutException(addr, f.timeoutMillis(), null));
                    failed++;
                }
            }
        }
        return failed;
    }

    /** Fails everything still pending; used at shutdown. */
    void failAll(String why) {
        for (ResponseFuture f : pending.values()) {
            fail(f.opaque(), new RemotingSendRequestException("-", new IOException(why)));
        }
    }

    private void fail(int opaque, RemotingException error) {
        ResponseFuture future = pending.remove(opaque);
        if (future != null) {
            complete(future, null, error);
        }
    }

    private void complete(ResponseFuture future, RemotingCommand response, Throwable error) {
        future.releasePermit();
        InvokeCallback callback = future.callback();
        if (callback == null) {
            if (error == null) {
                future.result().complete(response);
            } else {
                future.result().completeExceptionally(error);
            }
            return;
        }
        try {
            callbackExecutor.execute(() -> runCallback(callback, response, error));
        } catch (RejectedExecutionException e) {
            runCallback(callback, response, error);
        }
    }

    private static void runCallback(InvokeCallback callback, RemotingCommand response, Throwable error) {
        try {
            callback.onComplete(response, error);
        } catch (RuntimeException e) {
            LOG.warn("invoke callback failed", e);
        }
    }

    // ---- for tests and diagnostics --------------------------------------------------------------------

    int pendingCount() {
        return pending.size();
    }

    int availableAsyncPermits() {
        return asyncPermits.availablePermits();
    }

    int availableOnewayPermits() {
        return onewayPermits.availablePermits();
    }
}
