package io.petrel.broker.acl;

import io.petrel.remoting.RPCHook;
import io.petrel.remoting.exception.RequestRefusedException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;

/**
 * The broker's access check, run before every request it serves while plain ACL is on. A refused request is
 * answered SYSTEM_ERROR with the remark a RocketMQ 4.9.7 broker gives, which starts with its exception's class name
 * and the reason (4.9.7 then adds one stack frame of its own, which Petrel leaves out). Thread-safe.
 */
public final class AclValidatorHook implements RPCHook {
    /** What 4.9.7's refusal remark starts with: applications and operators match on this text. */
    static final String REMARK_PREFIX = "org.apache.rocketmq.acl.common.AclException: ";

    private final PlainAclStore store;

    public AclValidatorHook(PlainAclStore store) {
        this.store = store;
    }

    @Override
    public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
        try {
            store.check(request, remoteAddr);
        } catch (AccessDeniedException e) {
            throw new RequestRefusedException(ResponseCode.SYSTEM_ERROR, REMARK_PREFIX + e.getMessage(),
                "ACL: " + e.getMessage());
        }
    }

    @Override
    public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
    }
}
