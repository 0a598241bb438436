package io.petrel.test.namesrv.bench;

import io.petrel.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import io.petrel.test.official.OfficialRequests;

/** One remoting client that asks a NameServer for routes; the same client type is used against both servers. */
interface RouteCaller extends AutoCloseable {
    /** @return whether the route came back */
    boolean route(String addr, String topic) throws Exception;

    @Override
    void close();

    /** The official 4.9.7 remoting client (what the official producer and consumer use). */
    static RouteCaller official() {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        return new RouteCaller() {
            @Override
            public boolean route(String addr, String topic) throws Exception {
                RemotingCommand r = client.invokeSync(addr, OfficialRequests.getRoute(topic, 407), 3000);
                return r.getCode() == ResponseCode.SUCCESS && r.getBody() != null;
            }

            @Override
            public void close() {
                client.shutdown();
            }
        };
    }

    /** Petrel's remoting client (cheaper per call, so the servers' own cost weighs more). */
    static RouteCaller petrel() {
        io.petrel.remoting.netty.NettyRemotingClient client = new io.petrel.remoting.netty.NettyRemotingClient(
            new io.petrel.remoting.netty.NettyClientConfig());
        client.start();
        return new RouteCaller() {
            @Override
            public boolean route(String addr, String topic) throws Exception {
                io.petrel.remoting.protocol.RemotingCommand r = client.invokeSync(addr,
                    io.petrel.remoting.protocol.RemotingCommand.createRequest(
                        io.petrel.remoting.protocol.RequestCode.GET_ROUTEINFO_BY_TOPIC,
                        new GetRouteInfoRequestHeader(topic, null)), 3000);
                return r.code() == 0 && r.body() != null;
            }

            @Override
            public void close() {
                client.shutdown();
            }
        };
    }
}
