package io.petrel.broker.client;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Producer groups and the connections of their members, as heartbeats report them. Used for transaction checks,
 * reply delivery and connection listings. Thread-safe.
 */
public final class ProducerManager {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerManager.class);

    private final ConcurrentHashMap<String, ConcurrentHashMap<Channel, ClientChannelInfo>> groups =
        new ConcurrentHashMap<>();

    public void register(String group, ClientChannelInfo info, long nowMillis) {
        ConcurrentHashMap<Channel, ClientChannelInfo> members = groups.computeIfAbsent(group,
            g -> new ConcurrentHashMap<>());
        ClientChannelInfo existing = members.putIfAbsent(info.channel(), info);
        if (existing != null) {
            existing.touch(nowMillis);
        } else {
            LOG.info("new producer of group {}: {}", group, info);
        }
    }

    public void unregister(String group, Channel channel) {
        Map<Channel, ClientChannelInfo> members = groups.get(group);
        if (members != null && members.remove(channel) != null) {
            LOG.info("producer of group {} unregistered: {}", group, channel.remoteAddress());
            if (members.isEmpty()) {
                groups.remove(group, members);
            }
        }
    }

    public void channelClosed(Channel channel) {
        for (String group : groups.keySet()) {
            unregister(group, channel);
        }
    }

    /** Closes and forgets channels silent for longer than {@code expiryMillis}. */
    public void scanExpired(long nowMillis, long expiryMillis) {
        for (Map.Entry<String, ConcurrentHashMap<Channel, ClientChannelInfo>> e : groups.entrySet()) {
            for (ClientChannelInfo info : e.getValue().values()) {
                if (nowMillis - info.lastUpdateMillis() > expiryMillis) {
                    LOG.warn("producer channel expired: {} of group {}", info, e.getKey());
                    unregister(e.getKey(), info.channel());
                    info.channel().close();
                }
            }
        }
    }

    public List<ClientChannelInfo> members(String group) {
        Map<Channel, ClientChannelInfo> members = groups.get(group);
        return members == null ? List.of() : new ArrayList<>(members.values());
    }

    /** One live member of the group to send a transaction check to, or null. */
    public ClientChannelInfo anyActive(String group) {
        for (ClientChannelInfo info : members(group)) {
            if (info.channel().isActive()) {
                return info;
            }
        }
        return null;
    }

    /** The live connection of the client with this id, in any producer group, or null. */
    public ClientChannelInfo findByClientId(String clientId) {
        for (ConcurrentHashMap<Channel, ClientChannelInfo> members : groups.values()) {
            for (ClientChannelInfo info : members.values()) {
                if (clientId.equals(info.clientId()) && info.channel().isActive()) {
                    return info;
                }
            }
        }
        return null;
    }

    public Map<String, List<ClientChannelInfo>> snapshot() {
        Map<String, List<ClientChannelInfo>> out = new java.util.TreeMap<>();
        groups.forEach((g, m) -> out.put(g, new ArrayList<>(m.values())));
        return out;
    }
}
