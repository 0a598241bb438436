package io.petrel.client.consumer.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.consumer.AllocateMessageQueueStrategy;
import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-worked allocations; {@link AllocateStrategiesCompatTest} compares with the official strategies at random. */
class AllocateStrategiesTest {
    private static List<MessageQueue> queues(int n) {
        List<MessageQueue> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MessageQueue("T", "b" + i / 4, i % 4));
        }
        return out;
    }

    private static List<String> cids(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("c" + i);
        }
        return out;
    }

    private static List<List<MessageQueue>> everyone(AllocateMessageQueueStrategy s, List<MessageQueue> mqs,
                                                     List<String> cids) {
        List<List<MessageQueue>> out = new ArrayList<>();
        for (String cid : cids) {
            out.add(s.allocate("g", cid, mqs, cids));
        }
        return out;
    }

    @Test
    void averagelyGivesContiguousRangesExtraToTheFirst() {
        List<MessageQueue> mqs = queues(8);
        List<List<MessageQueue>> shares = everyone(new AllocateMessageQueueAveragely(), mqs, cids(3));
        assertEquals(List.of(mqs.subList(0, 3), mqs.subList(3, 6), mqs.subList(6, 8)), shares);
    }

    @Test
    void averagelyWithMoreConsumersThanQueues() {
        List<MessageQueue> mqs = queues(2);
        List<List<MessageQueue>> shares = everyone(new AllocateMessageQueueAveragely(), mqs, cids(4));
        assertEquals(List.of(List.of(mqs.get(0)), List.of(mqs.get(1)), List.of(), List.of()), shares);
    }

    @Test
    void byCircleDealsLikeCards() {
        List<MessageQueue> mqs = queues(7);
        List<List<MessageQueue>> shares = everyone(new AllocateMessageQueueAveragelyByCircle(), mqs, cids(3));
        assertEquals(List.of(List.of(mqs.get(0), mqs.get(3), mqs.get(6)), List.of(mqs.get(1), mqs.get(4)),
            List.of(mqs.get(2), mqs.get(5))), shares);
    }

    @Test
    void everyQueueGoesToExactlyOneConsumer() {
        List<AllocateMessageQueueStrategy> strategies = List.of(new AllocateMessageQueueAveragely(),
            new AllocateMessageQueueAveragelyByCircle(), new AllocateMessageQueueConsistentHash());
        for (AllocateMessageQueueStrategy s : strategies) {
            for (int q = 1; q < 20; q++) {
                for (int c = 1; c < 8; c++) {
                    List<MessageQueue> all = new ArrayList<>();
                    everyone(s, queues(q), cids(c)).forEach(all::addAll);
                    assertEquals(q, all.size(), s.getName() + " " + q + "x" + c);
                    assertEquals(new HashSet<>(queues(q)), new HashSet<>(all), s.getName());
                }
            }
        }
    }

    @Test
    void aConsumerOutsideTheListGetsNothing() {
        for (AllocateMessageQueueStrategy s : List.of(new AllocateMessageQueueAveragely(),
            new AllocateMessageQueueAveragelyByCircle(), new AllocateMessageQueueConsistentHash(),
            new AllocateMessageQueueByMachineRoom(Set.of("r")))) {
            assertEquals(List.of(), s.allocate("g", "stranger", queues(4), cids(2)), s.getName());
        }
    }

    @Test
    void argumentsAreChecked() {
        AllocateMessageQueueAveragely s = new AllocateMessageQueueAveragely();
        assertEquals("currentCID is empty",
            assertThrows(IllegalArgumentException.class, () -> s.allocate("g", "", queues(1), cids(1))).getMessage());
        assertEquals("currentCID is empty",
            assertThrows(IllegalArgumentException.class, () -> s.allocate("g", null, queues(1), cids(1))).getMessage());
        assertEquals("mqAll is null or mqAll empty",
            assertThrows(IllegalArgumentException.class, () -> s.allocate("g", "c0", List.of(), cids(1))).getMessage());
        assertEquals("cidAll is null or cidAll empty",
            assertThrows(IllegalArgumentException.class, () -> s.allocate("g", "c0", queues(1), null)).getMessage());
    }

    @Test
    void byConfigIgnoresTheGroup() {
        List<MessageQueue> mine = List.of(new MessageQueue("T", "x", 3));
        AllocateMessageQueueByConfig s = new AllocateMessageQueueByConfig(mine);
        assertEquals(mine, s.allocate("g", "anyone", queues(8), cids(3)));
        assertEquals(mine, s.allocate(null, null, null, null));
        assertEquals(List.of(), new AllocateMessageQueueByConfig().allocate("g", "c0", queues(1), cids(1)));
    }

    @Test
    void byMachineRoomTakesQueuesOfItsRoomsOnly() {
        List<MessageQueue> mqs = new ArrayList<>();
        for (String broker : List.of("r1@b1", "r2@b2", "r3@b3", "plain", "r1@b@x")) {
            for (int i = 0; i < 3; i++) {
                mqs.add(new MessageQueue("T", broker, i));
            }
        }
        AllocateMessageQueueByMachineRoom s = new AllocateMessageQueueByMachineRoom(Set.of("r1", "r2"));
        List<List<MessageQueue>> shares = everyone(s, mqs, cids(4));
        // six queues in rooms r1/r2: one block of 1 each, the remaining two to the first two consumers
        assertEquals(List.of(List.of(mqs.get(0), mqs.get(4)), List.of(mqs.get(1), mqs.get(5)), List.of(mqs.get(2)),
            List.of(mqs.get(3))), shares);
    }

    @Test
    void consistentHashRejectsNegativeVirtualNodes() {
        assertEquals("illegal virtualNodeCnt :-1",
            assertThrows(IllegalArgumentException.class, () -> new AllocateMessageQueueConsistentHash(-1)).getMessage());
        assertEquals(List.of(), new AllocateMessageQueueConsistentHash(0).allocate("g", "c0", queues(4), cids(2)));
    }

    @Test
    void consistentHashMovesLittleWhenAConsumerJoins() {
        AllocateMessageQueueConsistentHash s = new AllocateMessageQueueConsistentHash();
        List<MessageQueue> mqs = queues(64);
        List<List<MessageQueue>> before = everyone(s, mqs, cids(4));
        List<List<MessageQueue>> after = everyone(s, mqs, cids(5));
        for (int i = 0; i < 4; i++) {
            assertTrue(before.get(i).containsAll(after.get(i)), "c" + i + " only loses queues to the newcomer");
        }
    }

    @Test
    void namesAreThe4_9_7Names() {
        assertEquals("AVG", new AllocateMessageQueueAveragely().getName());
        assertEquals("AVG_BY_CIRCLE", new AllocateMessageQueueAveragelyByCircle().getName());
        assertEquals("CONFIG", new AllocateMessageQueueByConfig().getName());
        assertEquals("MACHINE_ROOM", new AllocateMessageQueueByMachineRoom().getName());
        assertEquals("CONSISTENT_HASH", new AllocateMessageQueueConsistentHash().getName());
        assertEquals("MACHINE_ROOM_NEARBY-AVG", new AllocateMachineRoomNearby(new AllocateMessageQueueAveragely(),
            new RoomByPrefix()).getName());
    }

    @Test
    void nearbyPrefersTheConsumersOwnRoom() {
        List<MessageQueue> mqs = new ArrayList<>();
        for (String broker : List.of("r1@b1", "r2@b2", "r3@b3")) {
            for (int i = 0; i < 2; i++) {
                mqs.add(new MessageQueue("T", broker, i));
            }
        }
        List<String> cids = List.of("r1@c0", "r1@c1", "r2@c2");
        AllocateMachineRoomNearby s = new AllocateMachineRoomNearby(new AllocateMessageQueueAveragely(), new RoomByPrefix());
        // r1's queues split between c0 and c1; r2's go to c2; r3 has no consumer, so all three share its queues
        assertEquals(List.of(mqs.get(0), mqs.get(4)), s.allocate("g", "r1@c0", mqs, cids));
        assertEquals(List.of(mqs.get(1), mqs.get(5)), s.allocate("g", "r1@c1", mqs, cids));
        assertEquals(List.of(mqs.get(2), mqs.get(3)), s.allocate("g", "r2@c2", mqs, cids));
        assertThrows(IllegalArgumentException.class, () -> s.allocate("g", "r1@c0",
            List.of(new MessageQueue("T", "roomless", 0)), cids));
    }

    /** Room = text before '@' (empty when there is none). */
    static final class RoomByPrefix implements AllocateMachineRoomNearby.MachineRoomResolver {
        @Override
        public String brokerDeployIn(MessageQueue messageQueue) {
            return room(messageQueue.getBrokerName());
        }

        @Override
        public String consumerDeployIn(String clientID) {
            return room(clientID);
        }

        private static String room(String name) {
            int at = name.indexOf('@');
            return at < 0 ? "" : name.substring(0, at);
        }
    }
}
