package io.petrel.remoting;

import io.petrel.remoting.protocol.RemotingCommand;

/** Sees every request before it is sent or served, and every response after (e.g. ACL signing, tracing). */
public interface RPCHook {
    void doBeforeRequest(String remoteAddr, RemotingCommand request);

    void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response);
}
