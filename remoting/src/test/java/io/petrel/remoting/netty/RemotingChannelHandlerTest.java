package io.petrel.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.remoting.exception.RemotingSendRequestException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The pipeline's last handler sends responses to the waiting calls and requests to the dispatcher. */
class RemotingChannelHandlerTest {
    private final RequestDispatcher requests = new RequestDispatcher(new RpcHooks());
    private final InFlightCalls calls = new InFlightCalls(4, 4);
    private final RemotingChannelHandler handler = new RemotingChannelHandler(requests, calls,
        new ChannelEventDispatcher(null, "test-events"), "test");

    @Test
    void requestsAreServedAndResponsesEndTheirCalls() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(handler);
        requests.registerProcessor(10, (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS, "served"),
            Runnable::run);
        AtomicReference<RemotingCommand> answered = new AtomicReference<>();
        calls.invokeAsync(channel, "peer", RemotingCommand.createRequest(20), 60_000, (r, e) -> answered.set(r));
        RemotingCommand ourRequest = channel.readOutbound();

        channel.writeInbound(RemotingCommand.createRequest(10).opaque(ourRequest.opaque()));
        RemotingCommand served = channel.readOutbound();
        assertEquals("served", served.remark());
        assertNull(answered.get(), "a request with the same opaque is not an answer to our call");

        channel.writeInbound(RemotingCommand.responseTo(ourRequest, ResponseCode.SUCCESS, "answer"));
        assertEquals("answer", answered.get().remark());
        assertEquals(0, calls.pendingCount());
        assertFalse(channel.finish());
    }

    @Test
    void otherMessagesArePassedOn() {
        EmbeddedChannel channel = new EmbeddedChannel(handler);
        channel.writeInbound("not a command");
        assertEquals("not a command", channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void closingAChannelFailsTheCallsWaitingOnIt() throws Exception {
        EmbeddedChannel closing = new EmbeddedChannel(handler);
        EmbeddedChannel staying = new EmbeddedChannel(handler);
        AtomicReference<Throwable> closingError = new AtomicReference<>();
        AtomicReference<Throwable> stayingError = new AtomicReference<>();
        calls.invokeAsync(closing, "a", RemotingCommand.createRequest(20), 60_000, (r, e) -> closingError.set(e));
        calls.invokeAsync(staying, "b", RemotingCommand.createRequest(20), 60_000, (r, e) -> stayingError.set(e));

        closing.close();
        assertInstanceOf(RemotingSendRequestException.class, closingError.get());
        assertNull(stayingError.get());
        assertEquals(1, calls.pendingCount());
        staying.close();
        assertInstanceOf(RemotingSendRequestException.class, stayingError.get());
        assertEquals(4, calls.availableAsyncPermits());
    }
}
