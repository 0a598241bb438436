package io.petrel.remoting.netty;

import io.netty.channel.Channel;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.RemotingResponder;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.exception.RequestRefusedException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves incoming requests: finds the processor registered for the request code (or the default one), runs it
 * on that processor's bounded executor with the RPC hooks around it, and writes its answer back. Answers
 * without running the processor when the code is unknown (REQUEST_CODE_NOT_SUPPORTED), when the processor
 * refuses work or its executor is full (SYSTEM_BUSY). Both servers and clients serve requests (a broker calls
 * its clients), so both own one. Thread-safe.
 */
final class RequestDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);
    static final String BUSY_REMARK = "[OVERLOAD]system busy, start flow control for a while";
    static final String REJECT_REMARK = "[REJECTREQUEST]system busy, start flow control for a while";

    private record Registration(RequestProcessor processor, Executor executor) {
    }

    private final Map<Integer, Registration> processors = new ConcurrentHashMap<>();
    private final RpcHooks hooks;
    private final RpcHooks incomingHooks;
    private volatile Registration defaultRegistration;

    /**
     * @param hooks         run around every request served (and, by the owner, around the calls it makes)
     * @param incomingHooks run before {@code hooks}, only around the requests served
     */
    RequestDispatcher(RpcHooks hooks, RpcHooks incomingHooks) {
        this.hooks = hooks;
        this.incomingHooks = incomingHooks;
    }

    RequestDispatcher(RpcHooks hooks) {
        this(hooks, new RpcHooks());
    }

    void registerProcessor(int code, RequestProcessor processor, Executor executor) {
        processors.put(code, new Registration(processor, executor));
    }

    void registerDefaultProcessor(RequestProcessor processor, Executor executor) {
        defaultRegistration = new Registration(processor, executor);
    }

    /** Called on the channel's I/O thread; the processor itself runs on its executor. */
    void onRequest(Channel channel, RemotingCommand request) {
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
        boolean checked = !incomingHooks.isEmpty();
        String addr = hooked || checked ? NetAddresses.format(channel.remoteAddress()) : null;
        RemotingCommand response;
        try {
            if (checked) {
                incomingHooks.before(addr, request);
            }
            if (hooked) {
                hooks.before(addr, request);
            }
            response = processor.processRequest(channel, request);
            if (hooked) {
                hooks.after(addr, request, response);
            }
        } catch (RequestRefusedException e) {
            LOG.warn("refused request code {} from {}: {}", request.code(), addr, e.getMessage());
            response = RemotingCommand.createResponse(e.code(), e.remark());
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
}
