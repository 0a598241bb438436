package io.petrel.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.consumer.rebalance.AllocateMessageQueueAveragely;
import io.petrel.client.consumer.store.ReadOffsetType;
import io.petrel.client.consumer.store.RemoteBrokerOffsetStore;
import io.petrel.client.impl.FakeClientInstance;
import io.petrel.client.impl.RecordingClientAPI.OffsetCommit;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RebalanceImplTest {
    private static final String TOPIC = "T";
    private static final String GROUP = "G";

    /**
     * What a push consumer does, reduced to bookkeeping: a released queue's offset is committed and forgotten, a new
     * queue starts at the offset the test gives (none: unknown), pulls are collected instead of run.
     */
    static final class StubRebalance extends RebalanceImpl {
        final RemoteBrokerOffsetStore offsets;
        final Map<MessageQueue, Long> startOffsets = new HashMap<>();
        final List<MessageQueue> released = new CopyOnWriteArrayList<>();
        final List<MessageQueue> dirtyOffsetsRemoved = new CopyOnWriteArrayList<>();
        final List<PullRequest> dispatched = new CopyOnWriteArrayList<>();
        final List<Set<MessageQueue>> changes = new CopyOnWriteArrayList<>();
        ConsumeType type = ConsumeType.CONSUME_PASSIVELY;
        boolean refuseRelease;

        StubRebalance(MessageModel model, FakeClientInstance instance) {
            super(GROUP, model, new AllocateMessageQueueAveragely(), instance);
            offsets = new RemoteBrokerOffsetStore(instance, GROUP);
        }

        @Override
        public ConsumeType consumeType() {
            return type;
        }

        @Override
        public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
            changes.add(new TreeSet<>(mqDivided));
        }

        @Override
        public boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
            assertTrue(pq.isDropped(), "a queue is marked dropped before it is released");
            released.add(mq);
            if (refuseRelease) {
                return false;
            }
            offsets.persist(mq);
            offsets.removeOffset(mq);
            return true;
        }

        @Override
        public void removeDirtyOffset(MessageQueue mq) {
            dirtyOffsetsRemoved.add(mq);
        }

        @Override
        public long computePullFromWhere(MessageQueue mq) {
            return startOffsets.getOrDefault(mq, -1L);
        }

        @Override
        public void dispatchPullRequest(List<PullRequest> pullRequestList) {
            dispatched.addAll(pullRequestList);
        }

        Set<MessageQueue> owned() {
            return new TreeSet<>(processQueueTable.keySet());
        }
    }

    private final FakeClientInstance instance = new FakeClientInstance("c1")
        .withRoute(TOPIC, FakeClientInstance.route(4, "broker-a", "broker-b"));

    private static List<MessageQueue> queues() {
        List<MessageQueue> out = new ArrayList<>();
        for (String b : List.of("broker-a", "broker-b")) {
            for (int i = 0; i < 4; i++) {
                out.add(new MessageQueue(TOPIC, b, i));
            }
        }
        return out;
    }

    private StubRebalance rebalance(MessageModel model) {
        StubRebalance r = new StubRebalance(model, instance);
        r.getSubscriptionInner().put(TOPIC, SubscriptionData.ofTags(TOPIC, "*", 1));
        r.getTopicSubscribeInfoTable().put(TOPIC, new HashSet<>(queues()));
        for (MessageQueue mq : queues()) {
            r.startOffsets.put(mq, 100L + mq.queueId());
        }
        return r;
    }

    private static Set<MessageQueue> pulled(List<PullRequest> requests) {
        Set<MessageQueue> out = new TreeSet<>();
        requests.forEach(pr -> out.add(pr.getMessageQueue()));
        return out;
    }

    @Test
    void clusteringTakesItsShareAndStartsPullingIt() {
        instance.withConsumerIds(List.of("c2", "c1"));
        StubRebalance r = rebalance(MessageModel.CLUSTERING);
        r.doRebalance(false);

        Set<MessageQueue> expected = new TreeSet<>(queues().subList(0, 4));
        assertEquals(expected, r.owned(), "c1 sorts first and takes the first half");
        assertEquals(expected, pulled(r.dispatched));
        assertEquals(List.of(expected), r.changes);
        assertEquals(expected, new TreeSet<>(r.dirtyOffsetsRemoved), "a new queue starts without a stale offset");
        for (PullRequest pr : r.dispatched) {
            assertEquals(GROUP, pr.getConsumerGroup());
            assertEquals(100L + pr.getMessageQueue().queueId(), pr.getNextOffset());
            assertSame(r.getProcessQueueTable().get(pr.getMessageQueue()), pr.getProcessQueue());
            assertFalse(pr.getProcessQueue().isDropped());
        }

        r.dispatched.clear();
        r.doRebalance(false);
        assertTrue(r.dispatched.isEmpty(), "nothing changed, nothing new to pull");
        assertEquals(1, r.changes.size(), "no change is reported when none happened");
    }

    @Test
    void queueThatLeftTheAllocationIsDroppedAndItsOffsetCommitted() {
        instance.withConsumerIds(List.of("c1"));
        StubRebalance r = rebalance(MessageModel.CLUSTERING);
        r.doRebalance(false);
        assertEquals(8, r.owned().size());
        Map<MessageQueue, ProcessQueue> before = new HashMap<>(r.getProcessQueueTable());
        for (MessageQueue mq : queues()) {
            r.offsets.updateOffset(mq, 500 + mq.queueId(), false);
        }

        instance.withConsumerIds(List.of("c1", "c2"));
        r.dispatched.clear();
        r.doRebalance(false);

        List<MessageQueue> gone = queues().subList(4, 8);
        assertEquals(new TreeSet<>(queues().subList(0, 4)), r.owned());
        assertEquals(new TreeSet<>(gone), new TreeSet<>(r.released));
        for (MessageQueue mq : gone) {
            assertTrue(before.get(mq).isDropped(), mq + " dropped");
            assertEquals(-1, r.offsets.readOffset(mq, ReadOffsetType.READ_FROM_MEMORY), "forgotten");
        }
        for (MessageQueue mq : queues().subList(0, 4)) {
            assertFalse(before.get(mq).isDropped());
            assertSame(before.get(mq), r.getProcessQueueTable().get(mq), "kept queues keep their cache");
        }
        Set<MessageQueue> committed = new TreeSet<>();
        for (OffsetCommit c : instance.api().commits) {
            MessageQueue mq = new MessageQueue(c.header().topic(), c.header().bname(), c.header().queueId());
            committed.add(mq);
            assertEquals(500 + mq.queueId(), c.header().commitOffset());
        }
        assertEquals(new TreeSet<>(gone), committed);
        assertTrue(r.dispatched.isEmpty());
        assertEquals(2, r.changes.size());
    }

    @Test
    void queueWhoseReleaseIsRefusedStaysDropped() {
        instance.withConsumerIds(List.of("c1"));
        StubRebalance r = rebalance(MessageModel.CLUSTERING);
        r.doRebalance(false);
        r.refuseRelease = true;
        instance.withConsumerIds(List.of("c1", "c2"));
        r.doRebalance(false);
        assertEquals(8, r.owned().size(), "kept until the consumer lets go");
        for (MessageQueue mq : queues().subList(4, 8)) {
            assertTrue(r.getProcessQueueTable().get(mq).isDropped());
        }
        assertEquals(1, r.changes.size());
    }

    @Test
    void queueWithoutStartOffsetIsSkippedAndRetriedLater() {
        instance.withConsumerIds(List.of("c1"));
        StubRebalance r = rebalance(MessageModel.CLUSTERING);
        MessageQueue a1 = new MessageQueue(TOPIC, "broker-a", 1);
        r.startOffsets.put(a1, -1L);
        r.startOffsets.put(new MessageQueue(TOPIC, "broker-b", 3), -2L);
        r.doRebalance(false);
        assertEquals(6, r.owned().size());
        assertFalse(r.owned().contains(a1));
        assertFalse(pulled(r.dispatched).contains(a1));

        r.startOffsets.put(a1, 0L);
        r.dispatched.clear();
        r.doRebalance(false);
        assertEquals(Set.of(a1), pulled(r.dispatched));
        assertEquals(0, r.dispatched.get(0).getNextOffset());
    }

    @Test
    void noStartOffsetAnywhereIsNoChange() {
        instance.withConsumerIds(List.of("c1"));
        StubRebalance r = rebalance(MessageModel.CLUSTERING);
        r.startOffsets.clear();
        r.doRebalance(false);
        assertTrue(r.owned().isEmpty());
        assertTrue(r.changes.isEmpty());
        assertTrue(r.dispatched.isEmpty());
    }

    @Test
    void broadcastingTakesEveryQueue() {
        instance.withConsumerIds(List.of("c0", "c1", "c2", "c3"));
        StubRebalance r = rebalance(MessageModel.BROADCASTING);
        r.doRebalance(false);
        assertEquals(new TreeSet<>(queues()), r.owned());
        assertEquals(new TreeSet<>(queues()), pulled(r.dispatched));
        assertEquals(List.of(new TreeSet<>(queues())), r.changes);

        instance.withConsumerIds(null);
        Set<MessageQueue> fewer = new HashSet<>(queues().subList(0, 5));
        r.getTopicSubscribeInfoTable().put(TOPIC, fewer);
        r.doRebalance(false);
        assertEquals(new TreeSet<>(fewer), r.owned(), "queues that left the route are dropped");
        assertEquals(new TreeSet<>(queues().subList(5, 8)), new TreeSet<>(r.released));
    }

    @Test
    void unknownGroupMembersOrRouteLeaveEverythingAsItIs() {
        StubRebalance r = rebalance(MessageModel.CLUSTERING);
        instance.withConsumerIds(null);
        r.doRebalance(false);
        instance.withConsumerIds(List.of());
        r.doRebalance(false);
        assertTrue(r.owned().isEmpty());

        instance.withConsumerIds(List.of("c1"));
        r.doRebalance(false);
        assertEquals(8, r.owned().size());
        instance.withConsumerIds(null);
        r.doRebalance(false);
        assertEquals(8, r.owned().size(), "a failed member lookup keeps the queues");
        r.getTopicSubscribeInfoTable().remove(TOPIC);
        r.doRebalance(false);
        assertEquals(8, r.owned().size(), "so does a missing route");
        assertTrue(r.released.isEmpty());
    }

    @Test
    void clientNotInTheGroupListReleasesEverything() {
        instance.withConsumerIds(List.of("c1"));
        StubRebalance r = rebalance(MessageModel.CLUSTERING);
        r.doRebalance(false);
        instance.withConsumerIds(List.of("c2", "c3"));
        r.doRebalance(false);
        assertTrue(r.owned().isEmpty());
        assertEquals(8, r.released.size());
    }

    @Test
    void idleQueueOfAPushConsumerIsReplacedButNotOfAPullConsumer() {
        instance.withConsumerIds(List.of("c1"));
        StubRebalance r = rebalance(MessageModel.CLUSTERING);
        r.doRebalance(false);
        MessageQueue a0 = new MessageQueue(TOPIC, "broker-a", 0);
        ProcessQueue idle = r.getProcessQueueTable().get(a0);
        idle.setLastPullTimestamp(0);
        r.dispatched.clear();
        r.doRebalance(false);
        assertTrue(idle.isDropped());
        assertNotSame(idle, r.getProcessQueueTable().get(a0), "a fresh cache");
        assertEquals(Set.of(a0), pulled(r.dispatched), "and a fresh pull");

        r.type = ConsumeType.CONSUME_ACTIVELY;
        ProcessQueue idleToo = r.getProcessQueueTable().get(a0);
        idleToo.setLastPullTimestamp(0);
        r.doRebalance(false);
        assertFalse(idleToo.isDropped());
        assertSame(idleToo, r.getProcessQueueTable().get(a0));
    }

    @Test
    void queuesOfATopicNoLongerSubscribedAreDropped() {
        instance.withConsumerIds(List.of("c1"));
        StubRebalance r = rebalance(MessageModel.CLUSTERING);
        r.doRebalance(false);
        List<ProcessQueue> caches = new ArrayList<>(r.getProcessQueueTable().values());
        r.getSubscriptionInner().remove(TOPIC);
        r.doRebalance(false);
        assertTrue(r.owned().isEmpty());
        assertTrue(caches.stream().allMatch(ProcessQueue::isDropped));
    }

    @Test
    void orderlyTakesOnlyQueuesItCouldLockAndMarksThemLocked() {
        instance.withConsumerIds(List.of("c1", "c2"));
        StubRebalance r = rebalance(MessageModel.CLUSTERING);
        r.doRebalance(true);
        Set<MessageQueue> mine = new TreeSet<>(queues().subList(0, 4));
        assertEquals(mine, r.owned());
        assertEquals(4, instance.api().locks.size(), "one lock request per new queue");
        instance.api().locks.forEach(l -> {
            assertEquals("c1", l.clientId());
            assertEquals(GROUP, l.consumerGroup());
        });
        for (PullRequest pr : r.dispatched) {
            assertTrue(pr.getProcessQueue().isLocked(), pr.getMessageQueue() + " starts locked");
        }

        MessageQueue unknownBroker = new MessageQueue(TOPIC, "broker-z", 0);
        r.getTopicSubscribeInfoTable().put(TOPIC, Set.of(unknownBroker));
        instance.withConsumerIds(List.of("c1"));
        r.startOffsets.put(unknownBroker, 0L);
        r.doRebalance(true);
        assertFalse(r.owned().contains(unknownBroker), "no lock, no queue");
    }
}
