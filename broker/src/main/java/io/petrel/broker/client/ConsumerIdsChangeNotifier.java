package io.petrel.broker.client;

import io.netty.channel.Channel;
import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.header.ConsumerGroupRequestHeader;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a consumer group's members that the membership changed (NOTIFY_CONSUMER_IDS_CHANGED, oneway), so that
 * they rebalance at once.
 */
public final class ConsumerIdsChangeNotifier implements ConsumerManager.GroupChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerIdsChangeNotifier.class);

    /** Sends a oneway command to a client connection. */
    @FunctionalInterface
    public interface Pusher {
        void pushOneway(Channel channel, RemotingCommand command) throws Exception;
    }

    private final Supplier<BrokerConfig> config;
    private final SubscriptionGroupManager groups;
    private final Pusher pusher;

    public ConsumerIdsChangeNotifier(Supplier<BrokerConfig> config, SubscriptionGroupManager groups, Pusher pusher) {
        this.config = config;
        this.groups = groups;
        this.pusher = pusher;
    }

    @Override
    public void groupChanged(String group, List<ClientChannelInfo> remaining, boolean fromHeartbeat) {
        if (!config.get().isNotifyConsumerIdsChangedEnable() || remaining.isEmpty()) {
            return;
        }
        if (fromHeartbeat) {
            SubscriptionGroupConfig g = groups.get(group);
            if (g != null && !g.notifyConsumerIdsChangedEnable()) {
                return;
            }
        }
        for (ClientChannelInfo member : remaining) {
            try {
                pusher.pushOneway(member.channel(), RemotingCommand.createRequest(
                    RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, new ConsumerGroupRequestHeader(group)));
            } catch (Exception e) {
                LOG.warn("could not notify {} of group {} change: {}", member, group, e.toString());
            }
        }
    }
}
