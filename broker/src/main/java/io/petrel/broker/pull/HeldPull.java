package io.petrel.broker.pull;

import io.netty.channel.Channel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.remoting.protocol.RemotingCommand;

/** A pull parked until its queue has data past {@code pullOffset} or {@code deadlineMillis} passes. */
public record HeldPull(Channel channel, RemotingCommand request, long pullOffset, long deadlineMillis,
                SubscriptionData subscription) {

    boolean matches(Long tagsCode) {
        return subscription == null || subscription.matchesTagsCode(tagsCode);
    }
}
