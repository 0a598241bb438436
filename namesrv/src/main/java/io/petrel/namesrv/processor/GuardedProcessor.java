package io.petrel.namesrv.processor;

import io.netty.channel.Channel;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error policy of every NameServer processor, in one place: a bad header or body is answered with
 * SYSTEM_ERROR and a remark that says what was wrong (never a stack trace, never silence); anything else
 * propagates to the transport, which answers SYSTEM_ERROR too.
 */
abstract class GuardedProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedProcessor.class);

    @Override
    public final RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        try {
            return serve(channel, request);
        } catch (RemotingCommandException | IllegalArgumentException e) {
            LOG.warn("refused request code {} from {}: {}", request.code(), channel.remoteAddress(), e.getMessage());
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
    }

    protected abstract RemotingCommand serve(Channel channel, RemotingCommand request) throws Exception;

    static RemotingCommand success() {
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }

    static RemotingCommand unexpectedCode(RemotingCommand request) {
        return RemotingCommand.createResponse(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
            " request type " + request.code() + " not supported");
    }
}
