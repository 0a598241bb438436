package io.petrel.namesrv.processor;

import io.netty.channel.Channel;
import io.petrel.namesrv.route.RouteInfoManager;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.header.namesrv.GetTopicsByClusterRequestHeader;

/**
 * Read-only requests of tools: cluster info and the topic lists. (Routes: {@link RouteInfoProcessor}.)
 */
public final class RouteQueryProcessor extends GuardedProcessor {
    private final RouteInfoManager routes;

    public RouteQueryProcessor(RouteInfoManager routes) {
        this.routes = routes;
    }

    @Override
    protected RemotingCommand serve(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.code()) {
            case RequestCode.GET_BROKER_CLUSTER_INFO -> success().body(routes.clusterInfo().encode());
            case RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER -> success().body(routes.allTopics().encode());
            case RequestCode.GET_TOPICS_BY_CLUSTER -> success().body(routes.topicsByCluster(
                request.decodeHeader(GetTopicsByClusterRequestHeader::decode).cluster()).encode());
            case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS -> success().body(routes.systemTopics().encode());
            case RequestCode.GET_UNIT_TOPIC_LIST -> success().body(routes.topicsBySysFlag(
                TopicSysFlags::isUnit).encode());
            case RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST -> success().body(routes.topicsBySysFlag(
                TopicSysFlags::hasUnitSub).encode());
            case RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST -> success().body(routes.topicsBySysFlag(
                f -> TopicSysFlags.hasUnitSub(f) && !TopicSysFlags.isUnit(f)).encode());
            default -> unexpectedCode(request);
        };
    }

    /** The topic-sys-flag bits routes carry. */
    static final class TopicSysFlags {
        private static final int UNIT = 0x1;
        private static final int UNIT_SUB = 0x2;

        private TopicSysFlags() {
        }

        static boolean isUnit(int flag) {
            return (flag & UNIT) == UNIT;
        }

        static boolean hasUnitSub(int flag) {
            return (flag & UNIT_SUB) == UNIT_SUB;
        }
    }
}
