package io.petrel.broker.client;

import io.netty.channel.Channel;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One consumer group on this broker: its member connections and its subscriptions by topic, as the latest
 * heartbeats describe them. Thread-safe.
 */
public final class ConsumerGroupInfo {
    private final String groupName;
    private final ConcurrentHashMap<Channel, ClientChannelInfo> channels = new ConcurrentHashMap<>(16);
    private final ConcurrentHashMap<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private volatile ConsumeType consumeType;
    private volatile MessageModel messageModel;
    private volatile ConsumeFromWhere consumeFromWhere;
    private volatile long lastUpdateMillis;
    /** The fingerprint of the last heartbeat that described the subscriptions; null before any. */
    private volatile Integer heartbeatFingerprint;

    ConsumerGroupInfo(String groupName) {
        this.groupName = groupName;
    }

    /** @return whether the membership changed (a new member) */
    boolean updateChannel(ClientChannelInfo info, ConsumeType type, MessageModel model, ConsumeFromWhere from,
                          long nowMillis) {
        consumeType = type;
        messageModel = model;
        consumeFromWhere = from;
        lastUpdateMillis = nowMillis;
        ClientChannelInfo existing = channels.putIfAbsent(info.channel(), info);
        if (existing == null) {
            return true;
        }
        existing.touch(nowMillis);
        return false;
    }

    /**
     * Replaces the subscriptions with the heartbeat's: newer versions win, topics no longer listed are dropped.
     *
     * @return whether the set of topics changed
     */
    boolean updateSubscriptions(Collection<SubscriptionData> subs) {
        boolean changed = false;
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (SubscriptionData s : subs) {
            listed.add(s.topic());
            SubscriptionData old = subscriptions.get(s.topic());
            if (old == null) {
                subscriptions.put(s.topic(), s);
                changed = true;
            } else if (s.subVersion() > old.subVersion()) {
                subscriptions.put(s.topic(), s);
            }
        }
        if (subscriptions.keySet().retainAll(listed)) {
            changed = true;
        }
        return changed;
    }

    Integer heartbeatFingerprint() {
        return heartbeatFingerprint;
    }

    void heartbeatFingerprint(int fingerprint) {
        heartbeatFingerprint = fingerprint;
    }

    boolean removeChannel(Channel channel) {
        return channels.remove(channel) != null;
    }

    public String groupName() {
        return groupName;
    }

    public List<ClientChannelInfo> members() {
        return new ArrayList<>(channels.values());
    }

    public List<String> clientIds() {
        List<String> ids = new ArrayList<>();
        for (ClientChannelInfo info : channels.values()) {
            if (info.channel().isActive()) {
                ids.add(info.clientId());
            }
        }
        return ids;
    }

    public SubscriptionData subscription(String topic) {
        return subscriptions.get(topic);
    }

    public Map<String, SubscriptionData> subscriptions() {
        return Map.copyOf(subscriptions);
    }

    public ConsumeType consumeType() {
        return consumeType;
    }

    public MessageModel messageModel() {
        return messageModel;
    }

    public ConsumeFromWhere consumeFromWhere() {
        return consumeFromWhere;
    }

    public long lastUpdateMillis() {
        return lastUpdateMillis;
    }

    boolean isEmpty() {
        return channels.isEmpty();
    }
}
