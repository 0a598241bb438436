package io.petrel.namesrv.route;

import io.netty.channel.Channel;
import io.petrel.common.route.DataVersion;

/**
 * A broker address that is alive: when it last registered, the topic-table version it registered with, the
 * channel it came on (null when unknown) and its HA address. Immutable; a refresh replaces it.
 */
public record BrokerLiveInfo(long lastUpdateMillis, DataVersion dataVersion, Channel channel, String haServerAddr) {
    BrokerLiveInfo refreshed(long nowMillis) {
        return new BrokerLiveInfo(nowMillis, dataVersion, channel, haServerAddr);
    }
}
