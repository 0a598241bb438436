package io.petrel.remoting.netty;

import io.netty.channel.Channel;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.InvokeCallback;
import io.petrel.remoting.RPCHook;
import io.petrel.remoting.RemotingResponder;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.exception.RemotingSendRequestException;
import io.petrel.remoting.exception.RemotingTimeoutException;
import io.petrel.remoting.exception.RemotingTooMuchRequestException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request/response engine shared by server and client: serves incoming requests through registered
 * processors, each on its own bounded executor, and matches incoming responses to the calls waiting for them.
 * Thread-safe.
 */
final class CommandDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);
    /** How long past its timeout an asynchronous call may stay before the scanner fails it. */
    static final long SCAN_GRACE_MILLIS = 1000;
    static final String BUSY_REMARK = "[OVERLOAD]system busy, start flow control for a while";
    static final String REJECT_REMARK = "[REJECTREQUEST]system busy, start flow control for a while";

    private record Registration(RequestProcessor processor, ExecutorService executor) {
    }

    private final Map<Integer, Registration> processors = new ConcurrentHashMap<>();
    private final Map<Integer, ResponseFuture> pending = new ConcurrentHashMap<>();
    private final List<RPCHook> hooks = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextOpaque = new AtomicInteger();
    private final Semaphore asyncPermits;
    private final Semaphore onewayPermits;
    private volatile Registration defaultRegistration;
    private volatile Executor callbackExecutor = Runnable::run;

    CommandDispatcher(int asyncPermits, int onewayPermits) {
        this.asyncPermits = new Semaphore(asyncPermits, true);
        this.onewayPermits = new Semaphore(onewayPermits, true);
    }

    void registerProcessor(int code, RequestProcessor processor, ExecutorService executor) {
        processors.put(code, new Registration(processor, executor));
    }

    void registerDefaultProcessor(RequestProcessor processor, ExecutorService executor) {
        defaultRegistration = new Registration(processor, executor);
    }

    void registerRPCHook(RPCHook hook) {
        if (hook != null && !hooks.contains(hook)) {
            hooks.add(hook);
        }
    }

    void callbackExecutor(Executor executor) {
        this.callbackExecutor = executor;
    }

    // ---- incoming -------------------------------------------------------------------------------------

    void onCommand(Channel channel, RemotingCommand cmd) {
        if (cmd.isResponse()) {
            onResponse(cmd);
        } else {
            onRequest(channel, cmd);
        }
    }

    private void onRequest(Channel channel, RemotingCommand request) {
        Registration reg = processors.getOrDefault(request.code(), defaultRegistration);
        if (reg == null) {
            RemotingResponder.respond(channel, request, RemotingCommand.unsupported(request));
            LOG.warn("{} sent unsupported request code {}", NetAddresses.format(channel.remoteAddress()),
                request.code());
            return;
        }
        if (reg.processor().rejectRequest()) {
            RemotingResponder.respond(channel, request,
                RemotingCommand.createResponse(ResponseCode.SYSTEM_BUSY, REJECT_REMARK));
            return;
        }
        try {
            reg.executor().execute(new RequestTask(channel, request, System.currentTimeMillis(),
                () -> serve(reg.processor(), channel, request)));
        } catch (RejectedExecutionException e) {
            LOG.warn("too many requests from {}, answering busy to code {}",
                NetAddresses.format(channel.remoteAddress()), request.code());
            RemotingResponder.respond(channel, request,
                RemotingCommand.createResponse(ResponseCode.SYSTEM_BUSY, BUSY_REMARK));
        }
    }

    private void serve(RequestProcessor processor, Channel channel, RemotingCommand request) {
        boolean hooked = !hooks.isEmpty();
        String addr = hooked ? NetAddresses.format(channel.remoteAddress()) : null;
        RemotingCommand response;
        try {
            if (hooked) {
                runBeforeHooks(addr, request);
            }
            response = processor.processRequest(channel, request);
            if (hooked) {
                runAfterHooks(addr, request, response);
            }
        } catch (RemotingCommandException e) {
            LOG.warn("bad request code {} from {}: {}", request.code(), channel.remoteAddress(), e.getMessage());
            response = RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, describe(e));
        } catch (Throwable e) {
            LOG.error("processing request code {} from {} failed", request.code(), channel.remoteAddress(), e);
            response = RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, describe(e));
        }
        RemotingResponder.respond(channel, request, response);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getName() : e.getClass().getName() + ": " + message;
    }

    private void onResponse(RemotingCommand response) {
        ResponseFuture future = pending.remove(response.opaque());
        if (future == null) {
            LOG.warn("response with unknown opaque {} dropped (caller gave up or it was never asked): {}",
                response.opaque(), response);
            return;
        }
        complete(future, response, null);
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

    // ---- outgoing -------------------------------------------------------------------------------------

    RemotingCommand invokeSync(Channel channel, String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingException {
        int opaque = nextOpaque.incrementAndGet();
        request.opaque(opaque);
        ResponseFuture future = new ResponseFuture(opaque, channel, System.currentTimeMillis(), timeoutMillis,
            null, null);
        pending.put(opaque, future);
        channel.writeAndFlush(request).addListener(f -> {
            if (!f.isSuccess()) {
                failPending(opaque, new RemotingSendRequestException(addr, f.cause()));
            }
        });
        try {
            return future.result().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.remove(opaque);
            throw new RemotingTimeoutException(addr, timeoutMillis, null);
        } catch (ExecutionException e) {
            throw asRemotingException(e.getCause(), addr);
        } finally {
            pending.remove(opaque);
        }
    }

    void invokeAsync(Channel channel, String addr, RemotingCommand request, long timeoutMillis,
                     InvokeCallback callback) throws InterruptedException, RemotingException {
        long begin = System.currentTimeMillis();
        if (!asyncPermits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new RemotingTooMuchRequestException("invokeAsync to " + addr + ": no permit within "
                + timeoutMillis + " ms, " + asyncPermits.getQueueLength() + " waiting");
        }
        long left = timeoutMillis - (System.currentTimeMillis() - begin);
        int opaque = nextOpaque.incrementAndGet();
        request.opaque(opaque);
        ResponseFuture future = new ResponseFuture(opaque, channel, begin, Math.max(left, 0), callback, asyncPermits);
        pending.put(opaque, future);
        channel.writeAndFlush(request).addListener(f -> {
            if (!f.isSuccess()) {
                failPending(opaque, new RemotingSendRequestException(addr, f.cause()));
            }
        });
    }

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

    private void failPending(int opaque, RemotingException error) {
        ResponseFuture future = pending.remove(opaque);
        if (future != null) {
            complete(future, null, error);
        }
    }

    /** Fails every call still waiting on {@code channel} at once: its responses can no longer arrive. */
    void failPendingOn(Channel channel, String addr) {
        for (ResponseFuture f : pending.values()) {
            if (f.channel() == channel) {
                failPending(f.opaque(), new RemotingSendRequestException(addr,
                    new java.io.IOException("connection closed before the response arrived")));
            }
        }
    }

    /** Fails asynchronous calls whose timeout has passed; run about once a second. */
    void scanTimedOut(long nowMillis) {
        for (ResponseFuture f : pending.values()) {
            if (f.callback() != null && f.expiredAt(nowMillis, SCAN_GRACE_MILLIS)) {
                ResponseFuture removed = pending.remove(f.opaque());
                if (removed != null) {
                    String addr = NetAddresses.format(f.channel().remoteAddress());
                    complete(removed, null, new RemotingTimeoutException(addr, f.timeoutMillis(), null));
                }
            }
        }
    }

    /** Fails everything still pending; used at shutdown. */
    void failAll(String why) {
        for (ResponseFuture f : pending.values()) {
            failPending(f.opaque(), new RemotingSendRequestException("-", new java.io.IOException(why)));
        }
    }

    int pendingCount() {
        return pending.size();
    }

    void runBeforeHooks(String addr, RemotingCommand request) {
        for (RPCHook hook : hooks) {
            hook.doBeforeRequest(addr, request);
        }
    }

    void runAfterHooks(String addr, RemotingCommand request, RemotingCommand response) {
        for (RPCHook hook : hooks) {
            hook.doAfterResponse(addr, request, response);
        }
    }
}
