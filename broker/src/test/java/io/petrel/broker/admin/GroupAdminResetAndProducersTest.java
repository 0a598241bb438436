package io.petrel.broker.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.broker.client.ClientChannelInfo;
import io.petrel.common.body.ProducerInfo;
import io.petrel.common.body.ProducerTableInfo;
import io.petrel.common.body.ResetOffsetBody;
import io.petrel.common.message.MessageQueue;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.LanguageCode;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.ResetOffsetRequestHeader;
import io.petrel.broker.testing.TestStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class GroupAdminResetAndProducersTest {
    @TempDir
    Path dir;
    private AdminFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new AdminFixture(dir).withGroupAdmin();
        f.topic("T", 2);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private RemotingCommand reset(String group, long timestamp, boolean force) throws Exception {
        return f.ask(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, new ResetOffsetRequestHeader("T", group, timestamp, force));
    }

    private static MessageQueue mq(int q) {
        return new MessageQueue("T", AdminFixture.BROKER_NAME, q);
    }

    /** Two queues with 3 messages each at T0 and 2 more each at T0 + 10 s; the group consumed 4 and 1. */
    private void history() {
        f.put("T", 0, 3);
        f.put("T", 1, 3);
        f.clock.advance(10_000);
        f.put("T", 0, 2);
        f.put("T", 1, 2);
        f.offsets.commit(null, "G", "T", 0, 4);
        f.offsets.commit(null, "G", "T", 1, 1);
    }

    @Test
    void anUnknownTopicOrAGroupWithoutOffsetsIsASystemError() throws Exception {
        RemotingCommand r = reset("G", -1, true);
        assertEquals(ResponseCode.SYSTEM_ERROR, f.ask(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
            new ResetOffsetRequestHeader("NO_SUCH", "G", -1, true)).code());
        assertEquals(ResponseCode.SYSTEM_ERROR, r.code());
        assertEquals("THe consumer group <G> not exist", r.remark());
        f.offsets.commit(null, "G", "T", 0, 1);
        assertEquals("THe consumer group <G> not exist", reset("G", -1, true).remark(), "queue 1 has no offset");
    }

    @Test
    void anOfflineGroupIsNotOnlineAndKeepsItsOffsets() throws Exception {
        history();
        RemotingCommand r = reset("G", AdminFixture.T0, true);
        assertEquals(ResponseCode.CONSUMER_NOT_ONLINE, r.code());
        assertEquals("Consumer not online, so can not reset offset, Group: G Topic: T Timestamp: " + AdminFixture.T0,
            r.remark());
        assertEquals(4, f.offsets.query("G", "T", 0));
        assertTrue(f.pushes.isEmpty());
    }

    @Test
    void onlineClientsAreToldAndTheBrokerOffsetsStay() throws Exception {
        history();
        EmbeddedChannel a = f.consumer("G", "a", "T");
        EmbeddedChannel b = f.consumer("G", "b", "T");
        RemotingCommand r = reset("G", AdminFixture.T0 + 5_000, false);
        assertEquals(ResponseCode.SUCCESS, r.code(), r.remark());
        assertEquals(RemotingCommand.DEFAULT_REMARK, r.remark(), "4.9.7 leaves its default remark on");
        // T0 + 5 s is as far from the records of T0 as from those of T0 + 10 s: the earlier one, offset 2, is the
        // time's offset. Not forced: only backwards. Queue 0 goes back from 4 to 2; queue 1 stays at 1.
        Map<MessageQueue, Long> expected = Map.of(mq(0), 2L, mq(1), 1L);
        assertEquals(expected, ResetOffsetBody.decode(r.body()).offsetTable());
        assertEquals(4, f.offsets.query("G", "T", 0), "the clients commit, not the broker");
        assertEquals(java.util.Set.of(a, b), f.pushes.stream().map(AdminFixture.Push::channel)
            .collect(java.util.stream.Collectors.toSet()));
        for (AdminFixture.Push p : f.pushes) {
            assertEquals(RequestCode.RESET_CONSUMER_CLIENT_OFFSET, p.command().code());
            assertEquals(expected, ResetOffsetBody.decode(p.command().body()).offsetTable());
            assertEquals(Map.of("topic", "T", "group", "G", "timestamp", Long.toString(AdminFixture.T0 + 5_000),
                "isForce", "false"), written(p.command().customHeader()));
        }
    }

    @Test
    void forcedResetMovesForwardAndMinusOneMeansTheEnd() throws Exception {
        history();
        f.consumer("G", "a", "T");
        assertEquals(Map.of(mq(0), 2L, mq(1), 2L),
            ResetOffsetBody.decode(reset("G", AdminFixture.T0 + 5_000, true).body()).offsetTable());
        assertEquals(Map.of(mq(0), 3L, mq(1), 3L),
            ResetOffsetBody.decode(reset("G", AdminFixture.T0 + 5_001, true).body()).offsetTable());
        assertEquals(Map.of(mq(0), 4L, mq(1), 1L), ResetOffsetBody.decode(reset("G", -1, false).body()).offsetTable());
        assertEquals(Map.of(mq(0), 5L, mq(1), 5L), ResetOffsetBody.decode(reset("G", -1, true).body()).offsetTable());
    }

    @Test
    void cppClientsGetTheListForm() throws Exception {
        history();
        f.consumer("G", "a", "T");
        RemotingCommand request = TestStore.request(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
            new ResetOffsetRequestHeader("T", "G", -1, true), 407).language(LanguageCode.CPP);
        RemotingCommand r = f.processor.processRequest(new EmbeddedChannel(), request);
        assertEquals(ResponseCode.SUCCESS, r.code());
        assertEquals("{\"offsetTable\":[{\"brokerName\":\"broker-t\",\"offset\":5,\"queueId\":0,\"topic\":\"T\"},"
                + "{\"brokerName\":\"broker-t\",\"offset\":5,\"queueId\":1,\"topic\":\"T\"}]}",
            new String(f.pushes.get(0).command().body(), StandardCharsets.UTF_8));
        assertEquals(Map.of(mq(0), 5L, mq(1), 5L), ResetOffsetBody.decode(r.body()).offsetTable());
    }

    @Test
    void clientsTooOldForResetsFailTheRequest() throws Exception {
        history();
        f.consumer("G", "old", 27, "T");
        RemotingCommand r = reset("G", -1, true);
        assertEquals(ResponseCode.SYSTEM_ERROR, r.code());
        assertEquals("the client does not support this feature. version=27", r.remark());
    }

    /** 5.x resetOffsetByQueueId: timestamp 0 plus {@code queueId} and {@code offset}; only that queue moves. */
    private RemotingCommand resetQueue(int queueId, long offset) throws Exception {
        ResetOffsetRequestHeader h = new ResetOffsetRequestHeader("T", "G", 0, false);
        return f.ask(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, out -> {
            h.writeTo(out);
            out.put("queueId", Integer.toString(queueId));
            out.put("offset", Long.toString(offset));
        });
    }

    @Test
    void aQueueAndOffsetNamedByA5xAdminMoveOnlyThatQueueOnlineOrNot() throws Exception {
        history();
        RemotingCommand offline = resetQueue(1, 3);
        assertEquals(ResponseCode.SUCCESS, offline.code(), offline.remark());
        assertEquals(Map.of(mq(1), 3L), ResetOffsetBody.decode(offline.body()).offsetTable());
        assertEquals(3, f.offsets.query("G", "T", 1));
        assertEquals(4, f.offsets.query("G", "T", 0), "a timestamp of 0 does not rewind the other queues");
        assertTrue(f.pushes.isEmpty());

        EmbeddedChannel a = f.consumer("G", "a", "T");
        RemotingCommand online = resetQueue(0, 1);
        assertEquals(ResponseCode.SUCCESS, online.code(), online.remark());
        assertEquals(1, f.offsets.query("G", "T", 0));
        assertEquals(3, f.offsets.query("G", "T", 1));
        assertEquals(1, f.pushes.size());
        assertEquals(a, f.pushes.get(0).channel());
        assertEquals(Map.of(mq(0), 1L), ResetOffsetBody.decode(f.pushes.get(0).command().body()).offsetTable());

        assertEquals(ResponseCode.SYSTEM_ERROR, resetQueue(0, 6).code(), "past the end of the queue");
        assertEquals(ResponseCode.SYSTEM_ERROR, resetQueue(2, 0).code(), "no such queue");
        assertEquals(1, f.offsets.query("G", "T", 0));
    }

    @Test
    void producerTableListsEveryGroupsClients() throws Exception {
        assertEquals(Map.of(), ProducerTableInfo.decode(f.ask(RequestCode.GET_ALL_PRODUCER_INFO, CommandHeader.EMPTY)
            .body()).data());
        EmbeddedChannel ch = new EmbeddedChannel();
        f.producers.register("PG", new ClientChannelInfo(ch, "p1", LanguageCode.JAVA, 407, 1234), 1234);
        f.clock.advance(1);
        RemotingCommand r = f.ask(RequestCode.GET_ALL_PRODUCER_INFO, CommandHeader.EMPTY);
        assertEquals(ResponseCode.SUCCESS, r.code());
        assertNull(r.remark());
        assertEquals(Map.of("PG", List.of(new ProducerInfo("p1", String.valueOf(ch.remoteAddress()), "JAVA", 407, 1234))),
            ProducerTableInfo.decode(r.body()).data());
    }

    private static Map<String, String> written(CommandHeader header) {
        Map<String, String> out = new java.util.HashMap<>();
        header.writeTo((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** 5.x's UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST and GET_SUBSCRIPTIONGROUP_CONFIG. */
    @Test
    void groupsAreCreatedByListAndReadOneByOne() throws Exception {
        RemotingCommand refused = f.askWithBody(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST,
            "{\"groupConfigList\":[{\"groupName\":\"G_OK\"},{\"groupName\":\"bad group\"}]}");
        assertEquals(ResponseCode.SYSTEM_ERROR, refused.code());
        assertNull(f.groups.get("G_OK"), "nothing created when one is refused");
        RemotingCommand r = f.askWithBody(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST,
            "{\"groupConfigList\":[{\"groupName\":\"G_ONE\",\"retryMaxTimes\":3,\"attributes\":{}},"
            + "{\"groupName\":\"G_TWO\",\"consumeBroadcastEnable\":false}]}");
        assertEquals(ResponseCode.SUCCESS, r.code(), r.remark());
        assertEquals(3, f.groups.get("G_ONE").retryMaxTimes());
        assertTrue(!f.groups.get("G_TWO").consumeBroadcastEnable());

        RemotingCommand one = f.ask(RequestCode.GET_SUBSCRIPTIONGROUP_CONFIG, out -> out.put("group", "G_ONE"));
        assertEquals(ResponseCode.SUCCESS, one.code());
        assertEquals(f.groups.get("G_ONE"), io.petrel.common.subscription.SubscriptionGroupConfig.decode(one.body()));
        RemotingCommand none = f.ask(RequestCode.GET_SUBSCRIPTIONGROUP_CONFIG, out -> out.put("group", "G_NONE"));
        assertEquals(ResponseCode.SYSTEM_ERROR, none.code());
        assertEquals("No group in this broker", none.remark());
        assertNull(f.groups.get("G_NONE"), "asking creates nothing");
    }
}
