package io.petrel.namesrv.processor;

import io.netty.channel.Channel;
import io.petrel.namesrv.route.RouteInfoManager;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.namesrv.AddWritePermOfBrokerRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.AddWritePermOfBrokerResponseHeader;
import io.petrel.remoting.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.WipeWritePermOfBrokerRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.WipeWritePermOfBrokerResponseHeader;

/** Administrative changes to routes: DELETE_TOPIC_IN_NAMESRV, WIPE_ / ADD_WRITE_PERM_OF_BROKER. */
public final class RouteAdminProcessor extends GuardedProcessor {
    private final RouteInfoManager routes;

    public RouteAdminProcessor(RouteInfoManager routes) {
        this.routes = routes;
    }

    @Override
    protected RemotingCommand serve(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.code()) {
            case RequestCode.DELETE_TOPIC_IN_NAMESRV -> {
                DeleteTopicFromNamesrvRequestHeader h = request.decodeHeader(DeleteTopicFromNamesrvRequestHeader::decode);
                routes.deleteTopic(h.topic(), h.clusterName());
                yield success();
            }
            case RequestCode.WIPE_WRITE_PERM_OF_BROKER -> {
                WipeWritePermOfBrokerRequestHeader h = request.decodeHeader(WipeWritePermOfBrokerRequestHeader::decode);
                int n = routes.wipeWritePermOfBroker(h.brokerName());
                yield RemotingCommand.createResponse(ResponseCode.SUCCESS, null, new WipeWritePermOfBrokerResponseHeader(n));
            }
            case RequestCode.ADD_WRITE_PERM_OF_BROKER -> {
                AddWritePermOfBrokerRequestHeader h = request.decodeHeader(AddWritePermOfBrokerRequestHeader::decode);
                int n = routes.addWritePermOfBroker(h.brokerName());
                yield RemotingCommand.createResponse(ResponseCode.SUCCESS, null, new AddWritePermOfBrokerResponseHeader(n));
            }
            default -> unexpectedCode(request);
        };
    }
}
