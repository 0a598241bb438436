package io.petrel.remoting.netty;

import io.petrel.remoting.RPCHook;
import io.petrel.remoting.protocol.RemotingCommand;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The RPC hooks of one server or client, shared by the requests it serves and the calls it makes. Hooks run in
 * registration order; a hook that throws stops the ones after it. Thread-safe.
 */
final class RpcHooks {
    private final List<RPCHook> hooks = new CopyOnWriteArrayList<>();

    /** Adds {@code hook} once; null and repeats are ignored. */
    void register(RPCHook hook) {
        if (hook != null && !hooks.contains(hook)) {
            hooks.add(hook);
        }
    }

    boolean isEmpty() {
        return hooks.isEmpty();
    }

    void before(String addr, RemotingCommand request) {
        for (RPCHook hook : hooks) {
            hook.doBeforeRequest(addr, request);
        }
    }

    void after(String addr, RemotingCommand request, RemotingCommand response) {
        for (RPCHook hook : hooks) {
            hook.doAfterResponse(addr, request, response);
        }
    }
}
