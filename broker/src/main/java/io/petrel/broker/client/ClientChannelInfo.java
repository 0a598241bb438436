package io.petrel.broker.client;

import io.netty.channel.Channel;
import io.petrel.remoting.protocol.LanguageCode;

/**
 * One client connection as a group member: its channel, client id, language and protocol version, and when it
 * last sent a heartbeat. Identity is the channel.
 */
public final class ClientChannelInfo {
    private final Channel channel;
    private final String clientId;
    private final LanguageCode language;
    private final int version;
    private volatile long lastUpdateMillis;

    public ClientChannelInfo(Channel channel, String clientId, LanguageCode language, int version, long nowMillis) {
        this.channel = channel;
        this.clientId = clientId;
        this.language = language;
        this.version = version;
        this.lastUpdateMillis = nowMillis;
    }

    public Channel channel() {
        return channel;
    }

    public String clientId() {
        return clientId;
    }

    public LanguageCode language() {
        return language;
    }

    public int version() {
        return version;
    }

    public long lastUpdateMillis() {
        return lastUpdateMillis;
    }

    void touch(long nowMillis) {
        lastUpdateMillis = nowMillis;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientChannelInfo other && other.channel == channel;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(channel);
    }

    @Override
    public String toString() {
        return "ClientChannelInfo[" + clientId + ", " + channel.remoteAddress() + ", " + language + ", v" + version
            + "]";
    }
}
