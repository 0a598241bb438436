package io.petrel.broker.admin;

import io.petrel.broker.client.ClientCaller;
import io.petrel.broker.client.ClientChannelInfo;
import io.petrel.broker.client.ConsumerGroupInfo;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.common.body.GetConsumerStatusBody;
import io.petrel.common.message.MessageQueue;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.exception.RemotingTimeoutException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import io.petrel.remoting.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.petrel.remoting.protocol.header.GetConsumerStatusRequestHeader;
import io.petrel.store.MessageStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin requests the broker answers by asking consumer clients: GET_CONSUMER_RUNNING_INFO and
 * CONSUME_MESSAGE_DIRECTLY (relayed to one client, its answer returned as is) and
 * INVOKE_BROKER_TO_GET_CONSUMER_STATUS (every client of a group asked, the answers gathered).
 */
public final class ClientForwarding {
    private static final Logger LOG = LoggerFactory.getLogger(ClientForwarding.class);
    private static final long RELAY_TIMEOUT_MILLIS = 10_000;
    private static final long STATUS_TIMEOUT_MILLIS = 5000;
    private final ConsumerManager consumers;
    private final ClientCaller caller;
    private final MessageStore store;
    private final String brokerName;

    public ClientForwarding(ConsumerManager consumers, ClientCaller caller, MessageStore store, String brokerName) {
        this.consumers = consumers;
        this.caller = caller;
        this.store = store;
        this.brokerName = brokerName;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.GET_CONSUMER_RUNNING_INFO, (ch, req) -> runningInfo(req))
            .register(RequestCode.CONSUME_MESSAGE_DIRECTLY, (ch, req) -> consumeDirectly(req))
            .register(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS, (ch, req) -> consumerStatus(req));
    }

    private RemotingCommand runningInfo(RemotingCommand request) throws Exception {
        GetConsumerRunningInfoRequestHeader h = request.decodeHeader(GetConsumerRunningInfoRequestHeader::decode);
        return relay(request, request.body(), h.consumerGroup(), h.clientId());
    }

    /**
     * Relays the request with the message it names (by offset message id) as the body, exactly as stored, and
     * this broker's name added to the header, so that the client can consume it as if it had pulled it.
     */
    private RemotingCommand consumeDirectly(RemotingCommand request) throws Exception {
        ConsumeMessageDirectlyResultRequestHeader h =
            request.decodeHeader(ConsumeMessageDirectlyResultRequestHeader::decode);
        byte[] message;
        try {
            message = StoredMessages.record(store, h.msgId());
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        request.addExtField("brokerName", brokerName);
        return relay(request, message, h.consumerGroup(), h.clientId());
    }

    private RemotingCommand relay(RemotingCommand request, byte[] body, String group, String clientId)
        throws InterruptedException {
        ClientChannelInfo target = member(group, clientId);
        if (target == null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                String.format("The Consumer <%s> <%s> not online", group, clientId));
        }
        if (target.version() < RemotingVersion.V3_1_8_SNAPSHOT) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, String.format(
                "The Consumer <%s> Version <%d> too low to finish, please upgrade it to V3_1_8_SNAPSHOT",
                clientId, target.version()));
        }
        RemotingCommand out = RemotingCommand.createRequest(request.code()).body(body);
        if (request.extFields() != null) {
            request.extFields().forEach(out::addExtField);
        }
        try {
            return copyOf(caller.call(target.channel(), out, RELAY_TIMEOUT_MILLIS));
        } catch (RemotingTimeoutException e) {
            return RemotingCommand.createResponse(ResponseCode.CONSUME_MSG_TIMEOUT,
                String.format("consumer <%s> <%s> Timeout: %s", group, clientId, e));
        } catch (RemotingException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                String.format("invoke consumer <%s> <%s> Exception: %s", group, clientId, e));
        }
    }

    private ClientChannelInfo member(String group, String clientId) {
        ConsumerGroupInfo info = consumers.group(group);
        if (info != null && clientId != null) {
            for (ClientChannelInfo member : info.members()) {
                if (member.clientId().equals(clientId)) {
                    return member;
                }
            }
        }
        return null;
    }

    /** The client's answer as this broker's response: code, remark, header fields and body. */
    private static RemotingCommand copyOf(RemotingCommand answer) {
        RemotingCommand response = RemotingCommand.createResponse(answer.code(), answer.remark()).body(answer.body());
        if (answer.extFields() != null) {
            answer.extFields().forEach(response::addExtField);
        }
        return response;
    }

    /**
     * Asks each online client of the group (or only {@code clientAddr}, a client id, when given) for its offsets on
     * the topic (GET_CONSUMER_STATUS_FROM_CLIENT) and answers them by client id. A client that fails to answer is
     * left out; a client too old to be asked fails the whole request, as in 4.9.7.
     */
    private RemotingCommand consumerStatus(RemotingCommand request) throws Exception {
        GetConsumerStatusRequestHeader h = request.decodeHeader(GetConsumerStatusRequestHeader::decode);
        ConsumerGroupInfo info = consumers.group(h.group());
        List<ClientChannelInfo> members = info == null ? List.of() : info.members();
        if (members.isEmpty()) {
            // 4.9.7 fails on an unknown group with a NullPointerException: the same code, a clearer remark.
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                String.format("No Any Consumer online in the consumer group: [%s]", h.group()));
        }
        boolean one = h.clientAddr() != null && !h.clientAddr().isBlank();
        Map<String, Map<MessageQueue, Long>> table = new LinkedHashMap<>();
        for (ClientChannelInfo member : members) {
            if (member.version() < RemotingVersion.V3_0_7_SNAPSHOT) {
                return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                    "the client does not support this feature. version=" + member.version());
            }
            if (!one || h.clientAddr().equals(member.clientId())) {
                Map<MessageQueue, Long> offsets = askStatus(member, h.topic(), h.group());
                if (offsets != null) {
                    table.put(member.clientId(), offsets);
                }
                if (one) {
                    break;
                }
            }
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, RemotingCommand.DEFAULT_REMARK)
            .body(new GetConsumerStatusBody(Map.of(), table).encode());
    }

    /** One client's offsets on the topic, or null when it did not answer them. */
    private Map<MessageQueue, Long> askStatus(ClientChannelInfo member, String topic, String group)
        throws InterruptedException {
        RemotingCommand ask = RemotingCommand.createRequest(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT,
            new GetConsumerStatusRequestHeader(topic, group, null));
        try {
            RemotingCommand answer = caller.call(member.channel(), ask, STATUS_TIMEOUT_MILLIS);
            if (answer.code() != ResponseCode.SUCCESS || answer.body() == null) {
                return null;
            }
            return GetConsumerStatusBody.decode(answer.body()).messageQueueTable();
        } catch (RemotingException | IllegalArgumentException e) {
            LOG.warn("consumer status of {} in group {} on {}: no answer", member, group, topic, e);
            return null;
        }
    }
}
