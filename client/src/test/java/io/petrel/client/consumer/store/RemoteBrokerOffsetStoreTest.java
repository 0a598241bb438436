package io.petrel.client.consumer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.petrel.client.impl.FakeClientInstance;
import io.petrel.client.impl.RecordingClientAPI;
import io.petrel.client.impl.RecordingClientAPI.OffsetCommit;
import io.petrel.client.testkit.Vectors;
import io.petrel.common.message.MessageQueue;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RemoteBrokerOffsetStoreTest {
    private static final MessageQueue Q0 = new MessageQueue("GV_TOPIC", "broker-a", 0);
    private static final MessageQueue Q1 = new MessageQueue("GV_TOPIC", "broker-a", 1);
    private static final MessageQueue B0 = new MessageQueue("GV_TOPIC", "broker-b", 0);
    private static final MessageQueue OTHER = new MessageQueue("OTHER", "broker-a", 0);

    private final FakeClientInstance instance = new FakeClientInstance("10.0.0.9@1")
        .withRoute("GV_TOPIC", FakeClientInstance.route(4, "broker-a", "broker-b"));
    private final RecordingClientAPI api = instance.api();
    private final RemoteBrokerOffsetStore store = new RemoteBrokerOffsetStore(instance, "GV_CG");

    @Test
    void updateOffsetIncreaseOnly() {
        store.updateOffset(Q0, 10, true);
        store.updateOffset(Q0, 4, true);
        assertEquals(10, store.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY));
        store.updateOffset(Q0, 11, true);
        assertEquals(11, store.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY));
        store.updateOffset(Q0, 2, false);
        assertEquals(2, store.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY));
        store.updateOffset(null, 1, true);
        assertEquals(-1, store.readOffset(null, ReadOffsetType.MEMORY_FIRST_THEN_STORE));
        assertTrue(api.offsetQueries.isEmpty());
    }

    @Test
    void readFromMemoryNeverAsksTheBroker() {
        api.storedOffsets.put(Q0, 99L);
        assertEquals(-1, store.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY));
        assertTrue(api.offsetQueries.isEmpty());
    }

    @Test
    void memoryFirstAsksTheBrokerOnceAndKeepsTheAnswer() {
        api.storedOffsets.put(Q0, 99L);
        assertEquals(99, store.readOffset(Q0, ReadOffsetType.MEMORY_FIRST_THEN_STORE));
        assertEquals(99, store.readOffset(Q0, ReadOffsetType.MEMORY_FIRST_THEN_STORE));
        assertEquals(99, store.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY));
        assertEquals(1, api.offsetQueries.size());
        assertEquals("GV_CG", api.offsetQueries.get(0).consumerGroup());
        assertEquals("GV_TOPIC", api.offsetQueries.get(0).topic());
        assertEquals(0, api.offsetQueries.get(0).queueId());
        assertEquals("broker-a", api.offsetQueries.get(0).bname());
    }

    @Test
    void readFromStoreAlwaysAsksAndOverwritesMemory() {
        store.updateOffset(Q0, 50, false);
        api.storedOffsets.put(Q0, 30L);
        assertEquals(30, store.readOffset(Q0, ReadOffsetType.READ_FROM_STORE));
        assertEquals(30, store.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY), "the broker's value, even lower");
        assertEquals(1, api.offsetQueries.size());
    }

    @Test
    void noStoredOffsetIsMinusOneAnUnreachableBrokerMinusTwo() {
        assertEquals(-1, store.readOffset(Q0, ReadOffsetType.READ_FROM_STORE), "QUERY_NOT_FOUND");
        assertEquals(-1, store.readOffset(Q0, ReadOffsetType.MEMORY_FIRST_THEN_STORE));
        api.unreachable.add(Q1);
        assertEquals(-2, store.readOffset(Q1, ReadOffsetType.READ_FROM_STORE));
        assertEquals(-1, store.readOffset(Q1, ReadOffsetType.READ_FROM_MEMORY), "a failed read caches nothing");

        MessageQueue unknownBroker = new MessageQueue("GV_TOPIC", "broker-z", 0);
        int lookups = instance.routeLookups();
        assertEquals(-2, store.readOffset(unknownBroker, ReadOffsetType.READ_FROM_STORE));
        assertEquals(lookups + 1, instance.routeLookups(), "the route is refreshed once before giving up");
    }

    @Test
    void persistAllCommitsTheGivenQueuesAndForgetsTheOthers() {
        store.updateOffset(Q0, 10, false);
        store.updateOffset(Q1, 11, false);
        store.updateOffset(B0, 12, false);
        store.updateOffset(OTHER, 13, false);
        store.persistAll(Set.of(Q0, B0));

        List<OffsetCommit> commits = api.commits.stream()
            .sorted(Comparator.comparing(c -> c.header().bname())).toList();
        assertEquals(2, commits.size());
        assertEquals(new UpdateConsumerOffsetRequestHeader("GV_CG", "GV_TOPIC", 0, 10, "broker-a"),
            commits.get(0).header());
        assertEquals("127.0.0.1:10911", commits.get(0).addr());
        assertEquals(new UpdateConsumerOffsetRequestHeader("GV_CG", "GV_TOPIC", 0, 12, "broker-b"),
            commits.get(1).header());
        assertEquals("127.0.0.1:11011", commits.get(1).addr());
        assertTrue(commits.stream().allMatch(OffsetCommit::oneway), "the periodic commit is oneway");

        assertEquals(Map.of(Q0, 10L, B0, 12L), store.cloneOffsetTable(null), "unused queues are dropped");
    }

    @Test
    void persistAllOfNothingChangesNothing() {
        store.updateOffset(Q0, 10, false);
        store.persistAll(Set.of());
        store.persistAll(null);
        assertTrue(api.commits.isEmpty());
        assertEquals(Map.of(Q0, 10L), store.cloneOffsetTable(""));
    }

    @Test
    void persistOneAndRemove() throws Exception {
        store.persist(Q1);
        assertTrue(api.commits.isEmpty(), "no offset, nothing to commit");
        store.updateOffset(Q1, 7, false);
        store.persist(Q1);
        assertEquals(new UpdateConsumerOffsetRequestHeader("GV_CG", "GV_TOPIC", 1, 7, "broker-a"),
            api.commits.get(0).header());
        store.removeOffset(Q1);
        assertEquals(-1, store.readOffset(Q1, ReadOffsetType.READ_FROM_MEMORY));

        store.updateConsumeOffsetToBroker(Q0, 3, false);
        assertEquals(false, api.commits.get(1).oneway());
    }

    @Test
    void cloneByTopic() {
        store.updateOffset(Q0, 1, false);
        store.updateOffset(OTHER, 2, false);
        assertEquals(Map.of(OTHER, 2L), store.cloneOffsetTable("OTHER"));
        assertEquals(Map.of(Q0, 1L, OTHER, 2L), store.cloneOffsetTable(null));
    }

    @Test
    void commitToAnUnknownBrokerIsDroppedQuietly() {
        MessageQueue unknownBroker = new MessageQueue("GV_TOPIC", "broker-z", 0);
        store.updateOffset(unknownBroker, 5, false);
        store.persistAll(Set.of(unknownBroker));
        assertTrue(api.commits.isEmpty());
        assertEquals(5, store.readOffset(unknownBroker, ReadOffsetType.READ_FROM_MEMORY), "kept for the next try");
    }

    /**
     * The oneway commit, sent as MQClientAPI sends it, carries what the 4.9.7 frame carries. (Not byte for byte:
     * the JSON writes ext fields in HashMap order, and 4.9.7 fills its map in another order, so "bname" and
     * "commitOffset", which share a bucket, come out swapped.)
     */
    @Test
    void onewayCommitCarriesWhatTheVectorFrameCarries() throws Exception {
        MessageQueue q = new MessageQueue("GV_TOPIC", "broker-a", 1);
        store.updateOffset(q, 42, false);
        store.persist(q);
        UpdateConsumerOffsetRequestHeader header = api.commits.get(0).header();
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.UPDATE_CONSUMER_OFFSET, header)
            .markOneway().opaque(9);
        ByteBuf out = Unpooled.buffer();
        RemotingFrame.encode(request, out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);

        byte[] golden = Vectors.hex("remoting/oneway_update_offset_request_json.hex");
        assertEquals(golden.length, bytes.length);
        RemotingCommand expected = Vectors.frame("remoting/oneway_update_offset_request_json.hex");
        RemotingCommand actual = RemotingFrame.decode(Unpooled.wrappedBuffer(bytes, 4, bytes.length - 4));
        assertEquals(expected.code(), actual.code());
        assertEquals(expected.flag(), actual.flag());
        assertTrue(actual.isOneway());
        assertEquals(expected.opaque(), actual.opaque());
        assertEquals(expected.version(), actual.version());
        assertEquals(expected.extFields(), actual.extFields());
        assertEquals(header, expected.decodeHeader(UpdateConsumerOffsetRequestHeader::decode));
    }
}
