package io.petrel.broker.schedule;

import io.petrel.broker.admin.AdminBrokerProcessor;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;

/** GET_ALL_DELAY_OFFSET (45): the delay offset table as {@code delayOffset.json} holds it, from memory. */
public final class DelayOffsetAdmin {
    private final DelayOffsetTable offsets;

    public DelayOffsetAdmin(DelayOffsetTable offsets) {
        this.offsets = offsets;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.GET_ALL_DELAY_OFFSET, (ch, req) ->
            RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(offsets.encode()));
    }
}
