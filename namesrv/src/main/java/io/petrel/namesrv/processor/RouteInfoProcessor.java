package io.petrel.namesrv.processor;

import io.netty.channel.Channel;
import io.petrel.common.route.RouteJsonDialect;
import io.petrel.remoting.RemotingResponder;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET_ROUTEINFO_BY_TOPIC, the NameServer's hot path. Meant to run on the I/O thread (with an
 * {@link InlineExecutor}): a route whose encoded body is cached is answered right there, with no lock and no
 * thread hand-off; anything else (cache miss, unknown topic) is handed to {@code slowPath}, which may wait for
 * the route tables' read lock, and answered from there.
 */
public final class RouteInfoProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RouteInfoProcessor.class);
    static final String BUSY = "[OVERLOAD]system busy, start flow control for a while";

    private final EncodedRouteCache cache;
    private final Executor slowPath;

    public RouteInfoProcessor(EncodedRouteCache cache, Executor slowPath) {
        this.cache = cache;
        this.slowPath = slowPath;
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) {
        GetRouteInfoRequestHeader h;
        try {
            h = request.decodeHeader(GetRouteInfoRequestHeader::decode);
        } catch (RemotingCommandException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        RouteJsonDialect dialect = RouteJsonDialect.forRequest(request.version(),
            Boolean.TRUE.equals(h.acceptStandardJsonOnly()));
        byte[] cached = cache.cachedRoute(h.topic(), dialect);
        if (cached != null) {
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(cached);
        }
        try {
            slowPath.execute(() -> RemotingResponder.respond(channel, request, lookUp(h.topic(), dialect)));
        } catch (RejectedExecutionException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_BUSY, BUSY);
        }
        return null;
    }

    private RemotingCommand lookUp(String topic, RouteJsonDialect dialect) {
        try {
            byte[] body = cache.encodedRoute(topic, dialect);
            if (body == null) {
                return RemotingCommand.createResponse(ResponseCode.TOPIC_NOT_EXIST,
                    "No topic route info in name server for the topic: " + topic
                        + "\nSee http://rocketmq.apache.org/docs/faq/ for further details.");
            }
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(body);
        } catch (RuntimeException e) {
            LOG.error("route lookup of {} failed", topic, e);
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.toString());
        }
    }
}
