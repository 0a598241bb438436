package io.petrel.client.acl;

import io.petrel.remoting.RPCHook;
import io.petrel.remoting.acl.RequestSignature;
import io.petrel.remoting.protocol.RemotingCommand;

/**
 * Signs every request for a broker with plain ACL on, as RocketMQ's {@code AclClientRPCHook} does: adds
 * {@code AccessKey} (and {@code SecurityToken} when there is one), then {@code Signature}, the HmacSHA1 of the
 * request's ext-field values in key order followed by its body. Give it to a producer, consumer or admin client
 * through their {@code RPCHook} constructors. Thread-safe once built.
 */
public class AclClientRPCHook implements RPCHook {
    private final SessionCredentials sessionCredentials;

    public AclClientRPCHook(SessionCredentials sessionCredentials) {
        this.sessionCredentials = sessionCredentials;
    }

    @Override
    public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
        request.addExtField(RequestSignature.ACCESS_KEY, sessionCredentials.getAccessKey());
        if (sessionCredentials.getSecurityToken() != null) {
            request.addExtField(RequestSignature.SECURITY_TOKEN, sessionCredentials.getSecurityToken());
        }
        byte[] content = RequestSignature.content(RequestSignature.outgoingFields(request), request);
        request.addExtField(RequestSignature.SIGNATURE,
            RequestSignature.sign(content, sessionCredentials.getSecretKey()));
    }

    @Override
    public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
    }

    public SessionCredentials getSessionCredentials() {
        return sessionCredentials;
    }
}
