package io.petrel.remoting.netty;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.remoting.InvokeCallback;
import io.petrel.remoting.exception.RemotingSendRequestException;
import io.petrel.remoting.exception.RemotingTimeoutException;
import io.petrel.remoting.exception.RemotingTooMuchRequestException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** In-flight calls over embedded channels; the test decides when writes end and responses arrive. */
class InFlightCallsTest {
    private static final long LONG_TIMEOUT_MILLIS = 60_000;

    private final InFlightCalls calls = new InFlightCalls(4, 2);

    /** Records each call's single ending; fails the test if a call ends twice. */
    private static final class Outcome implements InvokeCallback {
        private final List<Object> endings = new ArrayList<>();

        @Override
        public synchronized void onComplete(RemotingCommand response, Throwable error) {
            endings.add(response != null ? response : error);
        }

        synchronized Object ending() {
            assertTrue(endings.size() <= 1, "call ended more than once: " + endings);
            return endings.isEmpty() ? null : endings.get(0);
        }
    }

    /** Keeps every written request; completes the write at once, or holds it, or answers it too. */
    private static final class Wire extends ChannelOutboundHandlerAdapter {
        final BlockingQueue<RemotingCommand> written = new LinkedBlockingQueue<>();
        final List<ChannelPromise> held = new ArrayList<>();
        private final boolean hold;
        private final Consumer<RemotingCommand> answer;

        Wire(boolean hold, Consumer<RemotingCommand> answer) {
            this.hold = hold;
            this.answer = answer;
        }

        static EmbeddedChannel channel(boolean hold, Consumer<RemotingCommand> answer) {
            return new EmbeddedChannel(new Wire(hold, answer));
        }

        static Wire of(EmbeddedChannel channel) {
            return channel.pipeline().get(Wire.class);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            RemotingCommand request = (RemotingCommand) msg;
            written.add(request);
            if (hold) {
                held.add(promise);
                return;
            }
            promise.setSuccess();
            if (answer != null) {
                answer.accept(request);
            }
        }
    }

    private static EmbeddedChannel silentChannel() {
        return Wire.channel(false, null);
    }

    private static EmbeddedChannel closedChannel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.close();
        return channel;
    }

    private static RemotingCommand answerTo(RemotingCommand request, String remark) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, remark);
    }

    private Outcome callAsync(EmbeddedChannel channel, long timeoutMillis) throws Exception {
        Outcome outcome = new Outcome();
        calls.invokeAsync(channel, "peer", RemotingCommand.createRequest(10), timeoutMillis, outcome);
        return outcome;
    }

    @Test
    void eachCallGetsItsOwnOpaqueAndTheMatchingResponse() throws Exception {
        EmbeddedChannel channel = silentChannel();
        Outcome first = callAsync(channel, LONG_TIMEOUT_MILLIS);
        Outcome second = callAsync(channel, LONG_TIMEOUT_MILLIS);
        RemotingCommand firstRequest = Wire.of(channel).written.poll();
        RemotingCommand secondRequest = Wire.of(channel).written.poll();
        assertTrue(firstRequest.opaque() != secondRequest.opaque());

        calls.onResponse(answerTo(secondRequest, "second"));
        assertNull(first.ending());
        assertEquals("second", ((RemotingCommand) second.ending()).remark());
        calls.onResponse(answerTo(firstRequest, "first"));
        assertEquals("first", ((RemotingCommand) first.ending()).remark());
        assertEquals(0, calls.pendingCount());
    }

    @Test
    void responseForUnknownOpaqueIsDroppedAndAnsweredCallsEndOnce() throws Exception {
        EmbeddedChannel channel = silentChannel();
        Outcome outcome = callAsync(channel, LONG_TIMEOUT_MILLIS);
        RemotingCommand request = Wire.of(channel).written.poll();

        calls.onResponse(RemotingCommand.createResponse(ResponseCode.SUCCESS, "stray").opaque(request.opaque() + 100));
        assertNull(outcome.ending());
        assertEquals(1, calls.pendingCount());
        assertEquals(3, calls.availableAsyncPermits());

        calls.onResponse(answerTo(request, "mine"));
        calls.onResponse(answerTo(request, "duplicate"));
        assertEquals("mine", ((RemotingCommand) outcome.ending()).remark());
        assertEquals(0, calls.pendingCount());
        assertEquals(4, calls.availableAsyncPermits());
    }

    @Test
    void syncCallReturnsItsResponse() throws Exception {
        EmbeddedChannel channel = Wire.channel(false, req -> calls.onResponse(answerTo(req, "pong")));
        RemotingCommand request = RemotingCommand.createRequest(10);
        RemotingCommand response = calls.invokeSync(channel, "peer", request, LONG_TIMEOUT_MILLIS);
        assertEquals("pong", response.remark());
        assertEquals(request.opaque(), response.opaque());
        assertEquals(0, calls.pendingCount());
    }

    @Test
    void syncCallTimesOutAndItsLateResponseIsDropped() {
        EmbeddedChannel channel = silentChannel();
        RemotingCommand request = RemotingCommand.createRequest(10);
        RemotingTimeoutException e = assertThrows(RemotingTimeoutException.class,
            () -> calls.invokeSync(channel, "peer", request, 50));
        assertTrue(e.getMessage().contains("<peer>"), e.getMessage());
        assertEquals(0, calls.pendingCount());
        calls.onResponse(answerTo(request, "late"));
        assertEquals(0, calls.pendingCount());
    }

    @Test
    void sendFailureEndsTheCallAtOnce() throws Exception {
        RemotingSendRequestException sync = assertThrows(RemotingSendRequestException.class,
            () -> calls.invokeSync(closedChannel(), "peer", RemotingCommand.createRequest(10), LONG_TIMEOUT_MILLIS));
        assertInstanceOf(ClosedChannelException.class, sync.getCause());

        Outcome async = callAsync(closedChannel(), LONG_TIMEOUT_MILLIS);
        assertInstanceOf(RemotingSendRequestException.class, async.ending());
        assertEquals(0, calls.pendingCount());
        assertEquals(4, calls.availableAsyncPermits());
    }

    @Test
    void closedChannelFailsOnlyItsOwnCalls() throws Exception {
        EmbeddedChannel closing = silentChannel();
        EmbeddedChannel staying = silentChannel();
        Outcome a1 = callAsync(closing, LONG_TIMEOUT_MILLIS);
        Outcome b = callAsync(staying, LONG_TIMEOUT_MILLIS);
        Outcome a2 = callAsync(closing, LONG_TIMEOUT_MILLIS);
        assertEquals(1, calls.availableAsyncPermits());

        calls.failCallsOn(closing, "closing-peer");
        for (Outcome a : List.of(a1, a2)) {
            RemotingSendRequestException e = assertInstanceOf(RemotingSendRequestException.class, a.ending());
            assertTrue(e.getMessage().contains("<closing-peer>"), e.getMessage());
            assertInstanceOf(IOException.class, e.getCause());
        }
        assertNull(b.ending());
        assertEquals(1, calls.pendingCount());
        assertEquals(3, calls.availableAsyncPermits());

        calls.onResponse(answerTo(Wire.of(staying).written.poll(), "still served"));
        assertEquals("still served", ((RemotingCommand) b.ending()).remark());
    }

    @Test
    void timeoutScanFailsOnlyExpiredAsyncCalls() throws Exception {
        EmbeddedChannel channel = silentChannel();
        long before = System.currentTimeMillis();
        Outcome expired = callAsync(channel, 100);
        Outcome alive = callAsync(channel, LONG_TIMEOUT_MILLIS);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<RemotingCommand> sync = CompletableFuture.supplyAsync(() -> {
                try {
                    return calls.invokeSync(channel, "peer", RemotingCommand.createRequest(11),
                        2 * LONG_TIMEOUT_MILLIS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, caller);
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.pendingCount() == 3);

            long after = System.currentTimeMillis();
            assertEquals(0, calls.scanTimedOut(before + 100 + InFlightCalls.SCAN_GRACE_MILLIS - 1),
                "a call stays for the grace period past its timeout");
            assertEquals(1, calls.scanTimedOut(after + 100 + InFlightCalls.SCAN_GRACE_MILLIS));
            assertInstanceOf(RemotingTimeoutException.class, expired.ending());
            assertNull(alive.ending());
            assertFalse(sync.isDone(), "a synchronous caller times out on its own, not by the scan");
            assertEquals(2, calls.pendingCount());
            assertEquals(3, calls.availableAsyncPermits());

            // Shutting down ends what is left, synchronous calls included.
            calls.failAll("shut down");
            ExecutionException e = assertThrows(ExecutionException.class, () -> sync.get(10, TimeUnit.SECONDS));
            assertInstanceOf(RemotingSendRequestException.class, e.getCause().getCause());
            assertInstanceOf(RemotingSendRequestException.class, alive.ending());
            assertEquals(0, calls.pendingCount());
            assertEquals(4, calls.availableAsyncPermits());
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void asyncPermitComesBackHoweverTheCallEnds() throws Exception {
        InFlightCalls one = new InFlightCalls(1, 1);
        EmbeddedChannel channel = silentChannel();
        BlockingQueue<RemotingCommand> written = Wire.of(channel).written;
        List<Runnable> endings = List.of(
            () -> one.onResponse(answerTo(written.poll(), "answered")),
            () -> one.failCallsOn(channel, "peer"),
            () -> one.scanTimedOut(System.currentTimeMillis() + LONG_TIMEOUT_MILLIS),
            () -> one.failAll("shut down"));
        for (Runnable ending : endings) {
            Outcome outcome = new Outcome();
            one.invokeAsync(channel, "peer", RemotingCommand.createRequest(10), 100, outcome);
            assertEquals(0, one.availableAsyncPermits());
            assertThrows(RemotingTooMuchRequestException.class,
                () -> one.invokeAsync(channel, "peer", RemotingCommand.createRequest(10), 0, new Outcome()));
            assertEquals(1, one.pendingCount(), "a call refused for want of a permit is not pending");
            ending.run();
            assertTrue(outcome.ending() != null);
            assertEquals(1, one.availableAsyncPermits());
            assertEquals(0, one.pendingCount());
        }
        one.invokeAsync(closedChannel(), "peer", RemotingCommand.createRequest(10), 100, new Outcome());
        assertEquals(1, one.availableAsyncPermits());
    }

    /**
     * The wait for an async permit is part of the call's timeout, counted once: the call still expires at its start
     * plus its timeout (plus the scan's grace), not earlier by the time it waited.
     */
    @Test
    void anAsyncCallThatWaitedForAPermitKeepsItsDeadline() throws Exception {
        InFlightCalls one = new InFlightCalls(1, 1);
        EmbeddedChannel channel = silentChannel();
        BlockingQueue<RemotingCommand> written = Wire.of(channel).written;
        one.invokeAsync(channel, "peer", RemotingCommand.createRequest(10), LONG_TIMEOUT_MILLIS, new Outcome());
        long timeout = 1_000;
        long before = System.currentTimeMillis();
        Outcome waited = new Outcome();
        Thread caller = new Thread(() -> {
            try {
                one.invokeAsync(channel, "peer", RemotingCommand.createRequest(10), timeout, waited);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "permit-waiter");
        caller.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> caller.getState() == Thread.State.TIMED_WAITING);
            long queued = System.currentTimeMillis();
            await().atMost(Duration.ofSeconds(10)).until(() -> System.currentTimeMillis() > queued + 50);
            one.onResponse(answerTo(written.poll(), "first"));
            caller.join(10_000);
            assertEquals(1, one.pendingCount());
            assertEquals(0, one.scanTimedOut(before + timeout + InFlightCalls.SCAN_GRACE_MILLIS - 1),
                "not expired earlier by the 50 ms or more it waited for its permit");
            assertEquals(1, one.scanTimedOut(System.currentTimeMillis() + timeout + InFlightCalls.SCAN_GRACE_MILLIS));
            assertInstanceOf(RemotingTimeoutException.class, waited.ending());
        } finally {
            caller.interrupt();
            caller.join(10_000);
        }
    }

    @Test
    void onewayHoldsItsPermitOnlyUntilTheWriteEnds() throws Exception {
        EmbeddedChannel channel = Wire.channel(true, null);
        Wire wire = Wire.of(channel);
        calls.invokeOneway(channel, "peer", RemotingCommand.createRequest(10), 0);
        calls.invokeOneway(channel, "peer", RemotingCommand.createRequest(10), 0);
        assertEquals(0, calls.availableOnewayPermits());
        assertThrows(RemotingTooMuchRequestException.class,
            () -> calls.invokeOneway(channel, "peer", RemotingCommand.createRequest(10), 0));
        assertEquals(2, wire.written.size());
        assertTrue(wire.written.stream().allMatch(RemotingCommand::isOneway));
        assertEquals(0, calls.pendingCount(), "nobody waits for a oneway answer");

        wire.held.get(0).setSuccess();
        wire.held.get(1).setFailure(new IOException("write failed"));
        assertEquals(2, calls.availableOnewayPermits());

        calls.invokeOneway(closedChannel(), "peer", RemotingCommand.createRequest(10), 0);
        assertEquals(2, calls.availableOnewayPermits());
    }

    @Test
    void callbacksRunOnTheCallbackExecutorOrInlineWhenItRefuses() throws Exception {
        EmbeddedChannel channel = silentChannel();
        List<Runnable> queued = new ArrayList<>();
        calls.callbackExecutor(queued::add);
        Outcome queuedOutcome = callAsync(channel, LONG_TIMEOUT_MILLIS);
        calls.onResponse(answerTo(Wire.of(channel).written.poll(), "queued"));
        assertNull(queuedOutcome.ending());
        assertEquals(4, calls.availableAsyncPermits(), "the permit is back before the callback runs");
        assertEquals(1, queued.size());
        queued.get(0).run();
        assertEquals("queued", ((RemotingCommand) queuedOutcome.ending()).remark());

        calls.callbackExecutor(task -> {
            throw new RejectedExecutionException("stopped");
        });
        Outcome inline = callAsync(channel, LONG_TIMEOUT_MILLIS);
        calls.onResponse(answerTo(Wire.of(channel).written.poll(), "inline"));
        assertEquals("inline", ((RemotingCommand) inline.ending()).remark());
    }

    @Test
    void failingCallbackDoesNotDisturbOtherCalls() throws Exception {
        EmbeddedChannel channel = silentChannel();
        calls.invokeAsync(channel, "peer", RemotingCommand.createRequest(10), LONG_TIMEOUT_MILLIS, (r, e) -> {
            throw new IllegalStateException("callback bug");
        });
        Outcome other = callAsync(channel, LONG_TIMEOUT_MILLIS);
        Wire wire = Wire.of(channel);
        RemotingCommand first = wire.written.poll();
        RemotingCommand second = wire.written.poll();
        calls.onResponse(answerTo(first, "one"));
        calls.onResponse(answerTo(second, "two"));
        assertEquals("two", ((RemotingCommand) other.ending()).remark());
        assertEquals(4, calls.availableAsyncPermits());
    }
}
