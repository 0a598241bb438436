package io.petrel.broker.admin;

import io.netty.channel.Channel;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.HashMap;
import java.util.Map;

/**
 * The broker's catch-all processor: admin and query requests, each served by the handler registered for its
 * code; any other code gets REQUEST_CODE_NOT_SUPPORTED.
 */
public final class AdminBrokerProcessor implements RequestProcessor {
    private final Map<Integer, AdminHandler> handlers = new HashMap<>();

    /** Registers handlers; call before the server starts. */
    public AdminBrokerProcessor register(int code, AdminHandler handler) {
        handlers.put(code, handler);
        return this;
    }

    /** Whether a handler serves {@code code}. */
    public boolean handles(int code) {
        return handlers.containsKey(code);
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        AdminHandler handler = handlers.get(request.code());
        if (handler == null) {
            return RemotingCommand.unsupported(request);
        }
        return handler.handle(channel, request);
    }
}
