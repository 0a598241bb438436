package io.petrel.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.remoting.RPCHook;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.exception.RequestRefusedException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.SerializeType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request dispatch on an embedded channel, with executors the test runs by hand: no sockets, no threads. */
class RequestDispatcherTest {
    private static final Executor DIRECT = Runnable::run;
    private static final Executor FULL = task -> {
        throw new RejectedExecutionException("full");
    };

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final RpcHooks hooks = new RpcHooks();
    private final RequestDispatcher dispatcher = new RequestDispatcher(hooks);

    @AfterEach
    void nothingElseWasWritten() {
        assertFalse(channel.finish(), "unexpected outbound message");
    }

    private RemotingCommand answer() {
        RemotingCommand response = channel.readOutbound();
        assertTrue(response != null && response.isResponse(), "expected a response, got " + response);
        return response;
    }

    private static RequestProcessor answering(String remark) {
        return (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS, remark);
    }

    @Test
    void processorRunsOnItsExecutorAndTheAnswerTakesTheRequestsOpaqueAndType() {
        List<Runnable> queued = new ArrayList<>();
        dispatcher.registerProcessor(10, answering("ten"), queued::add);
        dispatcher.onRequest(channel, RemotingCommand.createRequest(10).opaque(77)
            .serializeType(SerializeType.ROCKETMQ));

        assertNull(channel.readOutbound(), "nothing may be answered before the executor runs the task");
        assertEquals(1, queued.size());
        // The broker's load shedding looks for RequestTasks in processor queues.
        assertInstanceOf(RequestTask.class, queued.get(0));
        queued.get(0).run();
        RemotingCommand response = answer();
        assertEquals("ten", response.remark());
        assertEquals(77, response.opaque());
        assertEquals(SerializeType.ROCKETMQ, response.serializeType());
    }

    @Test
    void anIncomingHookRefusesBeforeTheProcessorWithItsCodeAndRemarkAsTheyAre() {
        RpcHooks incoming = new RpcHooks();
        RequestDispatcher checked = new RequestDispatcher(hooks, incoming);
        List<String> seen = new ArrayList<>();
        incoming.register(new RPCHook() {
            @Override
            public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
                seen.add("incoming " + request.code());
                if (request.code() == 11) {
                    throw new RequestRefusedException(ResponseCode.SYSTEM_ERROR, "no: " + request.code(), "denied");
                }
            }

            @Override
            public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
            }
        });
        checked.registerProcessor(10, (ch, req) -> {
            seen.add("processor " + req.code());
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
        }, DIRECT);
        checked.registerProcessor(11, (ch, req) -> {
            seen.add("processor " + req.code());
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
        }, DIRECT);

        checked.onRequest(channel, RemotingCommand.createRequest(10).opaque(1));
        assertEquals(ResponseCode.SUCCESS, answer().code());
        checked.onRequest(channel, RemotingCommand.createRequest(11).opaque(2));
        RemotingCommand refused = answer();
        assertEquals(ResponseCode.SYSTEM_ERROR, refused.code());
        assertEquals("no: 11", refused.remark());
        assertEquals(2, refused.opaque());
        assertEquals(List.of("incoming 10", "processor 10", "incoming 11"), seen);
    }

    @Test
    void unknownCodeWithoutDefaultIsNotSupported() {
        dispatcher.registerProcessor(10, answering("ten"), DIRECT);
        dispatcher.onRequest(channel, RemotingCommand.createRequest(11).opaque(5));
        RemotingCommand response = answer();
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, response.code());
        assertEquals(" request type 11 not supported", response.remark());
        assertEquals(5, response.opaque());
    }

    @Test
    void defaultProcessorServesCodesWithoutAProcessorOfTheirOwn() {
        dispatcher.registerProcessor(10, answering("ten"), DIRECT);
        dispatcher.registerDefaultProcessor(answering("default"), DIRECT);
        dispatcher.onRequest(channel, RemotingCommand.createRequest(11));
        assertEquals("default", answer().remark());
        dispatcher.onRequest(channel, RemotingCommand.createRequest(10));
        assertEquals("ten", answer().remark());
    }

    @Test
    void processorThatRefusesWorkIsAnsweredBusyWithoutRunning() {
        AtomicInteger ran = new AtomicInteger();
        dispatcher.registerProcessor(10, new RequestProcessor() {
            @Override
            public RemotingCommand processRequest(io.netty.channel.Channel ch, RemotingCommand request) {
                ran.incrementAndGet();
                return null;
            }

            @Override
            public boolean rejectRequest() {
                return true;
            }
        }, DIRECT);
        dispatcher.onRequest(channel, RemotingCommand.createRequest(10));
        RemotingCommand response = answer();
        assertEquals(ResponseCode.SYSTEM_BUSY, response.code());
        assertEquals(RequestDispatcher.REJECT_REMARK, response.remark());
        assertEquals(0, ran.get());
    }

    @Test
    void fullExecutorIsAnsweredBusy() {
        dispatcher.registerProcessor(10, answering("ten"), FULL);
        dispatcher.onRequest(channel, RemotingCommand.createRequest(10).opaque(3));
        RemotingCommand response = answer();
        assertEquals(ResponseCode.SYSTEM_BUSY, response.code());
        assertEquals(RequestDispatcher.BUSY_REMARK, response.remark());
        assertEquals(3, response.opaque());
    }

    @Test
    void processorFailuresBecomeSystemErrorNamingTheException() {
        dispatcher.registerProcessor(10, (ch, req) -> {
            throw new IllegalStateException("boom");
        }, DIRECT);
        dispatcher.registerProcessor(11, (ch, req) -> {
            throw new RemotingCommandException("the custom field <topic> is null");
        }, DIRECT);
        dispatcher.registerProcessor(12, (ch, req) -> {
            throw new NullPointerException();
        }, DIRECT);

        dispatcher.onRequest(channel, RemotingCommand.createRequest(10));
        RemotingCommand first = answer();
        assertEquals(ResponseCode.SYSTEM_ERROR, first.code());
        assertEquals("java.lang.IllegalStateException: boom", first.remark());
        dispatcher.onRequest(channel, RemotingCommand.createRequest(11));
        assertEquals(RemotingCommandException.class.getName() + ": the custom field <topic> is null",
            answer().remark());
        dispatcher.onRequest(channel, RemotingCommand.createRequest(12));
        assertEquals("java.lang.NullPointerException", answer().remark());
    }

    @Test
    void hooksRunAroundTheProcessorAndSeeItsResponse() {
        List<String> order = new ArrayList<>();
        hooks.register(new RPCHook() {
            @Override
            public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
                order.add("before " + remoteAddr + " " + request.code());
            }

            @Override
            public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
                order.add("after " + response.remark());
            }
        });
        dispatcher.registerProcessor(10, (ch, req) -> {
            order.add("process");
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, "ten");
        }, DIRECT);
        dispatcher.onRequest(channel, RemotingCommand.createRequest(10));
        assertEquals("ten", answer().remark());
        assertEquals(List.of("before " + channel.remoteAddress() + " 10", "process", "after ten"), order);
    }

    @Test
    void failingHookIsAnsweredAsSystemErrorAndTheProcessorSkipped() {
        AtomicInteger ran = new AtomicInteger();
        hooks.register(new RPCHook() {
            @Override
            public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
                throw new SecurityException("no access");
            }

            @Override
            public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
            }
        });
        dispatcher.registerProcessor(10, (ch, req) -> {
            ran.incrementAndGet();
            return null;
        }, DIRECT);
        dispatcher.onRequest(channel, RemotingCommand.createRequest(10));
        RemotingCommand response = answer();
        assertEquals(ResponseCode.SYSTEM_ERROR, response.code());
        assertEquals("java.lang.SecurityException: no access", response.remark());
        assertEquals(0, ran.get());
    }

    @Test
    void onewayRequestsAndLaterAnswersWriteNothingNow() {
        AtomicInteger served = new AtomicInteger();
        dispatcher.registerProcessor(10, (ch, req) -> {
            served.incrementAndGet();
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, "must not be sent");
        }, DIRECT);
        dispatcher.registerProcessor(11, (ch, req) -> {
            served.incrementAndGet();
            return null;
        }, DIRECT);
        dispatcher.onRequest(channel, RemotingCommand.createRequest(10).markOneway());
        dispatcher.onRequest(channel, RemotingCommand.createRequest(11));
        assertEquals(2, served.get());
        assertNull(channel.readOutbound());
    }
}
