package io.petrel.broker.admin;

import io.netty.channel.Channel;
import io.petrel.broker.client.ClientChannelInfo;
import io.petrel.broker.client.ConsumerGroupInfo;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.GetConsumerRunningInfoRequestHeader;

/**
 * Admin requests the broker passes on to one consumer client and whose answer it relays: GET_CONSUMER_RUNNING_INFO
 * and CONSUME_MESSAGE_DIRECTLY.
 */
public final class ClientForwarding {
    /** Calls a client connection and waits for its answer. */
    @FunctionalInterface
    public interface ClientCaller {
        RemotingCommand call(Channel channel, RemotingCommand request, long timeoutMillis)
            throws InterruptedException, RemotingException;
    }

    private static final long TIMEOUT_MILLIS = 5000;
    private final ConsumerManager consumers;
    private final ClientCaller caller;

    public ClientForwarding(ConsumerManager consumers, ClientCaller caller) {
        this.consumers = consumers;
        this.caller = caller;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.GET_CONSUMER_RUNNING_INFO, (ch, req) -> forward(req))
            .register(RequestCode.CONSUME_MESSAGE_DIRECTLY, (ch, req) -> forward(req));
    }

    private RemotingCommand forward(RemotingCommand request) throws Exception {
        GetConsumerRunningInfoRequestHeader h = request.decodeHeader(GetConsumerRunningInfoRequestHeader::decode);
        ConsumerGroupInfo group = consumers.group(h.consumerGroup());
        ClientChannelInfo target = null;
        if (group != null) {
            for (ClientChannelInfo member : group.members()) {
                if (member.clientId().equals(h.clientId())) {
                    target = member;
                }
            }
        }
        if (target == null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                String.format("The Consumer <%s> <%s> not online", h.consumerGroup(), h.clientId()));
        }
        if (target.version() < RemotingVersion.V3_1_8_SNAPSHOT) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, String.format(
                "The Consumer <%s> Version <%d> too low to finish, please upgrade it to V3_1_8_SNAPSHOT",
                h.clientId(), target.version()));
        }
        RemotingCommand out = RemotingCommand.createRequest(request.code()).body(request.body());
        if (request.extFields() != null) {
            request.extFields().forEach(out::addExtField);
        }
        RemotingCommand answer = caller.call(target.channel(), out, TIMEOUT_MILLIS);
        RemotingCommand response = RemotingCommand.createResponse(answer.code(), answer.remark()).body(answer.body());
        if (answer.extFields() != null) {
            answer.extFields().forEach(response::addExtField);
        }
        return response;
    }
}
