package io.petrel.namesrv.processor;

import io.netty.channel.Channel;
import io.petrel.common.route.BodyChecksum;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.KVTable;
import io.petrel.common.route.RegisterBrokerBody;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.namesrv.kvconfig.KVConfigManager;
import io.petrel.namesrv.route.BrokerRegistration;
import io.petrel.namesrv.route.DataVersionCheck;
import io.petrel.namesrv.route.RegisterResult;
import io.petrel.namesrv.route.RouteInfoManager;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.namesrv.QueryDataVersionRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.QueryDataVersionResponseHeader;
import io.petrel.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.RegisterBrokerResponseHeader;
import io.petrel.remoting.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import java.util.List;
import java.util.Map;

/**
 * What brokers send: REGISTER_BROKER (checked, decoded outside any lock, then applied), UNREGISTER_BROKER and
 * QUERY_DATA_VERSION. A refused registration changes nothing.
 */
public final class BrokerRequestProcessor extends GuardedProcessor {
    static final String CRC_MISMATCH = "crc32 not match";

    private final RouteInfoManager routes;
    private final KVConfigManager kv;

    public BrokerRequestProcessor(RouteInfoManager routes, KVConfigManager kv) {
        this.routes = routes;
        this.kv = kv;
    }

    @Override
    protected RemotingCommand serve(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.code()) {
            case RequestCode.REGISTER_BROKER -> register(channel, request);
            case RequestCode.UNREGISTER_BROKER -> unregister(request);
            case RequestCode.QUERY_DATA_VERSION -> queryDataVersion(request);
            default -> unexpectedCode(request);
        };
    }

    private RemotingCommand register(Channel channel, RemotingCommand request) throws Exception {
        RegisterBrokerRequestHeader h = request.decodeHeader(RegisterBrokerRequestHeader::decode);
        byte[] body = request.body();
        Integer expectedCrc = h.bodyCrc32();
        if (expectedCrc != null && expectedCrc != 0 && BodyChecksum.crc32(body) != expectedCrc) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, CRC_MISMATCH);
        }
        RegisterBrokerBody decoded = decodeBody(body, h.compressed());
        RegisterResult result = routes.registerBroker(
            new BrokerRegistration(h.clusterName(), h.brokerName(), h.brokerAddr(), h.brokerId(), h.haServerAddr()),
            decoded.topicConfigSerializeWrapper(), decoded.filterServerList(), channel);
        RemotingCommand response = RemotingCommand.createResponse(ResponseCode.SUCCESS, null,
            new RegisterBrokerResponseHeader(result.haServerAddr(), result.masterAddr()));
        Map<String, String> orderConf = kv.namespace(KVConfigManager.ORDER_TOPIC_CONFIG);
        if (orderConf != null) {
            response.body(new KVTable(orderConf).encode());
        }
        return response;
    }

    /** No body stands for an empty table; the body's own shape tells a pre-3.0.11 bare topic table apart. */
    private static RegisterBrokerBody decodeBody(byte[] body, boolean compressed) {
        if (body == null || body.length == 0) {
            return new RegisterBrokerBody(new TopicConfigSerializeWrapper(Map.of(), DataVersion.ZERO), List.of());
        }
        try {
            return RegisterBrokerBody.decode(body, compressed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("register broker body refused: " + e.getMessage(), e);
        }
    }

    private RemotingCommand unregister(RemotingCommand request) throws Exception {
        UnRegisterBrokerRequestHeader h = request.decodeHeader(UnRegisterBrokerRequestHeader::decode);
        routes.unregisterBroker(h.clusterName(), h.brokerAddr(), h.brokerName(), h.brokerId());
        return success();
    }

    private RemotingCommand queryDataVersion(RemotingCommand request) throws Exception {
        QueryDataVersionRequestHeader h = request.decodeHeader(QueryDataVersionRequestHeader::decode);
        DataVersion brokerVersion = request.body() == null || request.body().length == 0 ? DataVersion.ZERO
            : DataVersion.decode(request.body());
        DataVersionCheck check = routes.queryDataVersion(h.brokerAddr(), brokerVersion);
        RemotingCommand response = RemotingCommand.createResponse(ResponseCode.SUCCESS, null,
            new QueryDataVersionResponseHeader(check.changed()));
        if (check.stored() != null) {
            response.body(check.stored().encode());
        }
        return response;
    }
}
