package io.petrel.broker.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.ConsumerData;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.remoting.protocol.LanguageCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumerManagerTest {
    private final List<String> changes = new ArrayList<>();
    private final ConsumerManager manager = new ConsumerManager(
        (group, remaining, fromHeartbeat) -> changes.add(group + ":" + remaining.size() + ":" + fromHeartbeat));

    private static ConsumerData data(String topic, long version) {
        return new ConsumerData("G", ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, List.of(SubscriptionData.ofTags(topic, "*", version)), false);
    }

    private static ClientChannelInfo client(EmbeddedChannel ch, String id) {
        return new ClientChannelInfo(ch, id, LanguageCode.JAVA, 407, 0);
    }

    @Test
    void membershipChangesAreReportedOnce() {
        EmbeddedChannel a = new EmbeddedChannel();
        EmbeddedChannel b = new EmbeddedChannel();
        manager.register(data("T", 1), client(a, "a"), 0);
        manager.register(data("T", 1), client(a, "a"), 1000);
        manager.register(data("T", 1), client(b, "b"), 1000);
        assertEquals(List.of("G:1:true", "G:2:true"), changes);
        assertEquals(List.of("a", "b"), manager.group("G").clientIds().stream().sorted().toList());
        manager.channelClosed(a);
        assertEquals("G:1:false", changes.get(2));
        manager.unregister("G", b);
        assertNull(manager.group("G"));
    }

    @Test
    void newerSubscriptionWinsAndDroppedTopicsGo() {
        EmbeddedChannel a = new EmbeddedChannel();
        manager.register(data("T", 5), client(a, "a"), 0);
        manager.register(data("T", 9), client(a, "a"), 1);
        assertEquals(9, manager.group("G").subscription("T").subVersion());
        manager.register(data("U", 10), client(a, "a"), 2);
        assertNull(manager.group("G").subscription("T"));
        assertEquals(List.of("G"), manager.groupsSubscribing("U"));
    }

    private static ConsumerData withoutSubscriptions() {
        return new ConsumerData("G", ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, List.of(), false);
    }

    /** Heartbeats of version 2: the fingerprint decides whether the client must list its subscriptions again. */
    @Test
    void aHeartbeatWithoutSubscriptionsKeepsTheGroupsOnlyUnderTheFingerprintThatDescribedThem() {
        EmbeddedChannel a = new EmbeddedChannel();
        EmbeddedChannel b = new EmbeddedChannel();
        // unknown group, subscriptions left out: the broker cannot know them, the client must send them
        assertTrue(manager.register(withoutSubscriptions(), client(a, "a"), 0, 77, true));
        assertTrue(manager.group("G").subscriptions().isEmpty());
        assertEquals(1, manager.group("G").members().size(), "the member is counted all the same");
        // first full heartbeat: nothing to compare with, as 5.3 answers it
        assertFalse(manager.register(data("T", 1), client(a, "a"), 1, 77, false));
        assertFalse(manager.register(withoutSubscriptions(), client(a, "a"), 2, 77, true));
        assertFalse(manager.register(withoutSubscriptions(), client(b, "b"), 2, 77, true), "same fingerprint");
        assertEquals(1, manager.group("G").subscription("T").subVersion(), "kept");
        // withoutSub with the subscriptions listed all the same (the 5.3.1 client does that): they are taken
        assertFalse(manager.register(data("T", 4), client(a, "a"), 3, 77, true));
        assertEquals(4, manager.group("G").subscription("T").subVersion());
        // another fingerprint: changed; the subscriptions of the full heartbeat are taken
        assertTrue(manager.register(data("U", 5), client(a, "a"), 4, 88, false));
        assertEquals(List.of("G"), manager.groupsSubscribing("U"));
        assertTrue(manager.register(withoutSubscriptions(), client(b, "b"), 5, 77, true), "stale fingerprint");
        assertEquals(List.of("G"), manager.groupsSubscribing("U"), "a stale heartbeat changes nothing");
        // a heartbeat of version 1 stores fingerprint 0
        manager.register(data("U", 6), client(a, "a"), 6);
        assertTrue(manager.register(data("U", 7), client(a, "a"), 7, 88, false));
        // all members gone: the group and its fingerprint are forgotten
        manager.channelClosed(a);
        manager.channelClosed(b);
        assertNull(manager.group("G"));
        assertTrue(manager.register(withoutSubscriptions(), client(a, "a"), 8, 88, true));
    }

    @Test
    void silentChannelsExpire() {
        EmbeddedChannel a = new EmbeddedChannel();
        manager.register(data("T", 1), client(a, "a"), 0);
        manager.scanExpired(100_000, 120_000);
        assertEquals(1, manager.group("G").members().size());
        manager.scanExpired(120_001, 120_000);
        assertNull(manager.group("G"));
        assertFalse(a.isOpen());
    }
}
