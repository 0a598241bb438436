package io.petrel.broker.client;

import io.netty.channel.Channel;
import io.petrel.common.heartbeat.ConsumerData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer groups and their members. Membership changes are reported to a {@link GroupChangeListener} (which
 * sends NOTIFY_CONSUMER_IDS_CHANGED to the group's clients). Thread-safe.
 */
public final class ConsumerManager {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerManager.class);

    /** Told when a group's members or subscribed topics change. */
    public interface GroupChangeListener {
        /**
         * @param group            the group
         * @param remaining        its members now
         * @param fromHeartbeat    true for changes from heartbeats and unregistrations (the group's own
         *                         notify flag applies), false for connection loss
         */
        void groupChanged(String group, List<ClientChannelInfo> remaining, boolean fromHeartbeat);
    }

    private final ConcurrentHashMap<String, ConsumerGroupInfo> groups = new ConcurrentHashMap<>(1024);
    private final GroupChangeListener listener;

    public ConsumerManager(GroupChangeListener listener) {
        this.listener = listener;
    }

    /** Registers one consumer group of a heartbeat of version 1 (its subscriptions replace the group's). */
    public void register(ConsumerData data, ClientChannelInfo info, long nowMillis) {
        register(data, info, nowMillis, 0, false);
    }

    /**
     * Registers one consumer group of a heartbeat. A heartbeat that leaves the subscriptions out ({@code withoutSub}
     * and none listed) keeps the group's; any other replaces them. The group remembers the fingerprint of the last
     * heartbeat that listed its subscriptions.
     *
     * @param fingerprint the heartbeat's fingerprint, 0 for version 1
     * @param withoutSub  whether the heartbeat says it left the subscriptions out
     * @return whether the client must send its subscriptions again (5.x's {@code IS_SUB_CHANGE}): the group was
     *     last described with another fingerprint, or the heartbeat left its subscriptions out and the group's
     *     last known fingerprint is not its own (this broker restarted, or the group's members all left)
     */
    public boolean register(ConsumerData data, ClientChannelInfo info, long nowMillis, int fingerprint,
                            boolean withoutSub) {
        ConsumerGroupInfo group = groups.computeIfAbsent(data.groupName(), ConsumerGroupInfo::new);
        boolean newMember = group.updateChannel(info, data.consumeType(), data.messageModel(),
            data.consumeFromWhere(), nowMillis);
        Integer before = group.heartbeatFingerprint();
        boolean keep = withoutSub && data.subscriptionDataSet().isEmpty();
        boolean newTopics = false;
        if (!keep) {
            newTopics = group.updateSubscriptions(data.subscriptionDataSet());
            group.heartbeatFingerprint(fingerprint);
        }
        if (newMember) {
            LOG.info("new consumer of group {}: {}", data.groupName(), info);
        }
        if (newMember || newTopics) {
            listener.groupChanged(data.groupName(), group.members(), true);
        }
        return keep ? before == null || before != fingerprint : before != null && before != fingerprint;
    }

    public void unregister(String groupName, Channel channel) {
        ConsumerGroupInfo group = groups.get(groupName);
        if (group != null && group.removeChannel(channel)) {
            LOG.info("consumer of group {} unregistered: {}", groupName, channel.remoteAddress());
            if (group.isEmpty()) {
                groups.remove(groupName, group);
            }
            listener.groupChanged(groupName, group.members(), true);
        }
    }

    public void channelClosed(Channel channel) {
        for (ConsumerGroupInfo group : groups.values()) {
            if (group.removeChannel(channel)) {
                if (group.isEmpty()) {
                    groups.remove(group.groupName(), group);
                }
                listener.groupChanged(group.groupName(), group.members(), false);
            }
        }
    }

    /** Closes and forgets channels silent for longer than {@code expiryMillis}, without notifying. */
    public void scanExpired(long nowMillis, long expiryMillis) {
        for (ConsumerGroupInfo group : groups.values()) {
            for (ClientChannelInfo info : group.members()) {
                if (nowMillis - info.lastUpdateMillis() > expiryMillis) {
                    LOG.warn("consumer channel expired: {} of group {}", info, group.groupName());
                    group.removeChannel(info.channel());
                    info.channel().close();
                }
            }
            if (group.isEmpty()) {
                groups.remove(group.groupName(), group);
            }
        }
    }

    public ConsumerGroupInfo group(String groupName) {
        return groups.get(groupName);
    }

    public Set<String> groupNames() {
        return Set.copyOf(groups.keySet());
    }

    /** Groups with a live member subscribed to {@code topic}. */
    public List<String> groupsSubscribing(String topic) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ConsumerGroupInfo> e : groups.entrySet()) {
            if (e.getValue().subscription(topic) != null) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
