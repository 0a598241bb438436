package io.petrel.test.surface;

import static io.petrel.test.surface.BrokerRequestSurfaceTest.GROUP;
import static io.petrel.test.surface.BrokerRequestSurfaceTest.TOPIC;

import io.petrel.test.official.OfficialBroker;
import io.petrel.test.official.OfficialHeaders;
import io.petrel.test.surface.SideBySide.Side;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageBatch;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.body.CheckClientRequestBody;
import org.apache.rocketmq.common.protocol.body.LockBatchRequestBody;
import org.apache.rocketmq.common.protocol.body.UnlockBatchRequestBody;
import org.apache.rocketmq.common.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.apache.rocketmq.common.protocol.header.CreateTopicRequestHeader;
import org.apache.rocketmq.common.protocol.header.DeleteSubscriptionGroupRequestHeader;
import org.apache.rocketmq.common.protocol.header.DeleteTopicRequestHeader;
import org.apache.rocketmq.common.protocol.header.EndTransactionRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetConsumerConnectionListRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetConsumerListByGroupRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetConsumerRunningInfoRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetMaxOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetMinOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetProducerConnectionListRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetTopicStatsInfoRequestHeader;
import org.apache.rocketmq.common.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryTopicConsumeByWhoRequestHeader;
import org.apache.rocketmq.common.protocol.header.SearchOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2;
import org.apache.rocketmq.common.protocol.header.UnregisterClientRequestHeader;
import org.apache.rocketmq.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.ViewMessageRequestHeader;
import org.apache.rocketmq.common.protocol.heartbeat.ConsumeType;
import org.apache.rocketmq.common.protocol.heartbeat.ConsumerData;
import org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.common.protocol.heartbeat.ProducerData;
import org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.common.sysflag.MessageSysFlag;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * The requests a broker served before the rest of the surface was finished: sends, pulls, offsets, clients,
 * topics and groups, queries, broker config, and an unknown code, each in its ordinary and its failing form.
 */
final class CoreSurfaceCases {
    private static final String SCRATCH_GROUP = "CG_SURFACE_SCRATCH";
    private static final String PRODUCER_GROUP = "PG_SIDE_BY_SIDE";

    private CoreSurfaceCases() {
    }

    private static RemotingCommand request(int code, CommandCustomHeader header) {
        return RemotingCommand.createRequestCommand(code, header);
    }

    private static RemotingCommand withBody(int code, byte[] body) {
        RemotingCommand c = RemotingCommand.createRequestCommand(code, null);
        c.setBody(body);
        return c;
    }

    private static MessageQueue queue(Side side, int id) {
        return new MessageQueue(TOPIC, side == Side.OFFICIAL ? SideBySide.OFFICIAL_BROKER : SideBySide.PETREL_BROKER,
            id);
    }

    private static SendMessageRequestHeader sendHeader(String topic) {
        return OfficialHeaders.send(PRODUCER_GROUP, topic,
            "TAGS" + MessageDecoder.NAME_VALUE_SEPARATOR + "TagA" + MessageDecoder.PROPERTY_SEPARATOR);
    }

    private static Supplier<RemotingCommand> send(String topic, int bodySize) {
        return () -> {
            RemotingCommand c = request(RequestCode.SEND_MESSAGE, sendHeader(topic));
            c.setBody(new byte[bodySize]);
            return c;
        };
    }

    private static PullMessageRequestHeader pullHeader(int queueId, long offset) {
        return OfficialHeaders.pull(GROUP, TOPIC, queueId, offset, 4);
    }

    private static HeartbeatData heartbeat(String clientId) {
        HeartbeatData hb = new HeartbeatData();
        hb.setClientID(clientId);
        ProducerData p = new ProducerData();
        p.setGroupName("PG_SURFACE_HEARTBEAT");
        hb.getProducerDataSet().add(p);
        ConsumerData c = new ConsumerData();
        c.setGroupName(SCRATCH_GROUP);
        c.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
        c.setMessageModel(MessageModel.CLUSTERING);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        SubscriptionData s = new SubscriptionData();
        s.setTopic(TOPIC);
        s.setSubString("*");
        c.getSubscriptionDataSet().add(s);
        hb.getConsumerDataSet().add(c);
        return hb;
    }

    /** A reply (request-reply) whose requester is not connected: the broker cannot push it and stores it. */
    private static RemotingCommand reply(int code) {
        SendMessageRequestHeader h = sendHeader(OfficialBroker.CLUSTER + "_REPLY_TOPIC");
        String sep = String.valueOf(MessageDecoder.NAME_VALUE_SEPARATOR);
        String end = String.valueOf(MessageDecoder.PROPERTY_SEPARATOR);
        h.setProperties(MessageConst.PROPERTY_CLUSTER + sep + OfficialBroker.CLUSTER + end
            + MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT + sep + "127.0.0.1@gone" + end
            + MessageConst.PROPERTY_CORRELATION_ID + sep + "corr-1" + end
            + MessageConst.PROPERTY_MESSAGE_TYPE + sep + "reply" + end);
        CommandCustomHeader header = code == RequestCode.SEND_REPLY_MESSAGE_V2
            ? SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(h) : h;
        RemotingCommand c = request(code, header);
        c.setBody("reply".getBytes(StandardCharsets.UTF_8));
        return c;
    }

    static List<SurfaceCase> cases() {
        return List.of(
            new SurfaceCase("SEND_MESSAGE", send(TOPIC, 64)),
            new SurfaceCase("SEND_MESSAGE of an empty body", send(TOPIC, 0)),
            new SurfaceCase("SEND_MESSAGE to an invalid topic", send("bad topic!", 8)),
            new SurfaceCase("SEND_MESSAGE to a reserved topic", send(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, 8)),
            new SurfaceCase("SEND_MESSAGE_V2", () -> {
                RemotingCommand c = request(RequestCode.SEND_MESSAGE_V2,
                    SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(sendHeader(TOPIC)));
                c.setBody("v2".getBytes(StandardCharsets.UTF_8));
                return c;
            }),
            new SurfaceCase("SEND_BATCH_MESSAGE", () -> {
                SendMessageRequestHeader h = sendHeader(TOPIC);
                h.setBatch(true);
                // The official client sends batches with the compact (V2) header, as the broker reads them.
                RemotingCommand c = request(RequestCode.SEND_BATCH_MESSAGE,
                    SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(h));
                List<Message> batch = List.of(new Message(TOPIC, "TagA", "b1".getBytes(StandardCharsets.UTF_8)),
                    new Message(TOPIC, "TagA", "b2".getBytes(StandardCharsets.UTF_8)));
                c.setBody(MessageBatch.generateFromList(batch).encode());
                return c;
            }),
            new SurfaceCase("SEND_REPLY_MESSAGE to a requester that is gone", () -> reply(RequestCode.SEND_REPLY_MESSAGE)),
            new SurfaceCase("SEND_REPLY_MESSAGE_V2 to a requester that is gone",
                () -> reply(RequestCode.SEND_REPLY_MESSAGE_V2)),
            new SurfaceCase("END_TRANSACTION commit of an unknown half message", () -> {
                EndTransactionRequestHeader h = new EndTransactionRequestHeader();
                h.setProducerGroup(PRODUCER_GROUP);
                h.setTranStateTableOffset(0L);
                h.setCommitLogOffset(1L << 40);
                h.setCommitOrRollback(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
                h.setFromTransactionCheck(false);
                h.setMsgId("7F00000100002A9F0000000000000000");
                h.setTransactionId("tx-1");
                return request(RequestCode.END_TRANSACTION, h);
            }),
            new SurfaceCase("PULL_MESSAGE found", () -> request(RequestCode.PULL_MESSAGE, pullHeader(0, 0))),
            new SurfaceCase("PULL_MESSAGE of an unknown group", () -> {
                PullMessageRequestHeader h = pullHeader(0, 0);
                h.setConsumerGroup("CG_NEVER_SEEN_" + "X");
                return request(RequestCode.PULL_MESSAGE, h);
            }),
            new SurfaceCase("PULL_MESSAGE of an unknown topic", () -> {
                PullMessageRequestHeader h = pullHeader(0, 0);
                h.setTopic("NO_SUCH_TOPIC");
                return request(RequestCode.PULL_MESSAGE, h);
            }),
            new SurfaceCase("GET_MAX_OFFSET", () -> {
                GetMaxOffsetRequestHeader h = new GetMaxOffsetRequestHeader();
                h.setTopic(TOPIC);
                h.setQueueId(0);
                return request(RequestCode.GET_MAX_OFFSET, h);
            }),
            new SurfaceCase("GET_MIN_OFFSET of an unknown topic", () -> {
                GetMinOffsetRequestHeader h = new GetMinOffsetRequestHeader();
                h.setTopic("NO_SUCH_TOPIC");
                h.setQueueId(0);
                return request(RequestCode.GET_MIN_OFFSET, h);
            }),
            new SurfaceCase("SEARCH_OFFSET_BY_TIMESTAMP", () -> {
                SearchOffsetRequestHeader h = new SearchOffsetRequestHeader();
                h.setTopic(TOPIC);
                h.setQueueId(1);
                h.setTimestamp(System.currentTimeMillis() - 3_600_000L);
                return request(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, h);
            }),
            new SurfaceCase("GET_EARLIEST_MSG_STORETIME", () -> {
                GetEarliestMsgStoretimeRequestHeader h = new GetEarliestMsgStoretimeRequestHeader();
                h.setTopic(TOPIC);
                h.setQueueId(0);
                return request(RequestCode.GET_EARLIEST_MSG_STORETIME, h);
            }),
            new SurfaceCase("QUERY_CONSUMER_OFFSET", () -> {
                QueryConsumerOffsetRequestHeader h = new QueryConsumerOffsetRequestHeader();
                h.setConsumerGroup(GROUP);
                h.setTopic(TOPIC);
                h.setQueueId(0);
                return request(RequestCode.QUERY_CONSUMER_OFFSET, h);
            }),
            new SurfaceCase("QUERY_CONSUMER_OFFSET of a group without offsets", () -> {
                QueryConsumerOffsetRequestHeader h = new QueryConsumerOffsetRequestHeader();
                h.setConsumerGroup("CG_WITHOUT_OFFSETS");
                h.setTopic(TOPIC);
                h.setQueueId(0);
                return request(RequestCode.QUERY_CONSUMER_OFFSET, h);
            }),
            new SurfaceCase("UPDATE_CONSUMER_OFFSET", () -> {
                UpdateConsumerOffsetRequestHeader h = new UpdateConsumerOffsetRequestHeader();
                h.setConsumerGroup(SCRATCH_GROUP);
                h.setTopic(TOPIC);
                h.setQueueId(0);
                h.setCommitOffset(1L);
                return request(RequestCode.UPDATE_CONSUMER_OFFSET, h);
            }),
            new SurfaceCase("HEART_BEAT", () -> withBody(RequestCode.HEART_BEAT,
                heartbeat("127.0.0.1@surface-heartbeat").encode())),
            new SurfaceCase("GET_CONSUMER_LIST_BY_GROUP", () -> {
                GetConsumerListByGroupRequestHeader h = new GetConsumerListByGroupRequestHeader();
                h.setConsumerGroup(GROUP);
                return request(RequestCode.GET_CONSUMER_LIST_BY_GROUP, h);
            }),
            new SurfaceCase("GET_CONSUMER_LIST_BY_GROUP of an offline group", () -> {
                GetConsumerListByGroupRequestHeader h = new GetConsumerListByGroupRequestHeader();
                h.setConsumerGroup("CG_OFFLINE");
                return request(RequestCode.GET_CONSUMER_LIST_BY_GROUP, h);
            }),
            new SurfaceCase("CHECK_CLIENT_CONFIG", () -> {
                CheckClientRequestBody b = new CheckClientRequestBody();
                b.setClientId("127.0.0.1@surface-check");
                b.setGroup(GROUP);
                SubscriptionData s = new SubscriptionData();
                s.setTopic(TOPIC);
                s.setSubString("TagA");
                s.setExpressionType("TAG");
                b.setSubscriptionData(s);
                return withBody(RequestCode.CHECK_CLIENT_CONFIG, b.encode());
            }),
            new SurfaceCase("UNREGISTER_CLIENT", () -> {
                UnregisterClientRequestHeader h = new UnregisterClientRequestHeader();
                h.setClientID("127.0.0.1@surface-gone");
                h.setConsumerGroup(SCRATCH_GROUP);
                return request(RequestCode.UNREGISTER_CLIENT, h);
            }),
            new SurfaceCase("LOCK_BATCH_MQ", side -> {
                LockBatchRequestBody b = new LockBatchRequestBody();
                b.setConsumerGroup(SCRATCH_GROUP);
                b.setClientId("127.0.0.1@surface-lock");
                b.setMqSet(Set.of(queue(side, 0), queue(side, 1)));
                return withBody(RequestCode.LOCK_BATCH_MQ, b.encode());
            }),
            new SurfaceCase("UNLOCK_BATCH_MQ", side -> {
                UnlockBatchRequestBody b = new UnlockBatchRequestBody();
                b.setConsumerGroup(SCRATCH_GROUP);
                b.setClientId("127.0.0.1@surface-lock");
                b.setMqSet(Set.of(queue(side, 0)));
                return withBody(RequestCode.UNLOCK_BATCH_MQ, b.encode());
            }),
            new SurfaceCase("CONSUMER_SEND_MSG_BACK of an unknown offset", () -> {
                ConsumerSendMsgBackRequestHeader h = new ConsumerSendMsgBackRequestHeader();
                h.setOffset(1L << 40);
                h.setGroup(GROUP);
                h.setDelayLevel(0);
                h.setOriginTopic(TOPIC);
                h.setMaxReconsumeTimes(16);
                return request(RequestCode.CONSUMER_SEND_MSG_BACK, h);
            }),
            new SurfaceCase("VIEW_MESSAGE_BY_ID", () -> {
                ViewMessageRequestHeader h = new ViewMessageRequestHeader();
                h.setOffset(0L);
                return request(RequestCode.VIEW_MESSAGE_BY_ID, h);
            }),
            new SurfaceCase("VIEW_MESSAGE_BY_ID beyond the CommitLog", () -> {
                ViewMessageRequestHeader h = new ViewMessageRequestHeader();
                h.setOffset(1L << 40);
                return request(RequestCode.VIEW_MESSAGE_BY_ID, h);
            }),
            new SurfaceCase("QUERY_MESSAGE by key", () -> {
                QueryMessageRequestHeader h = new QueryMessageRequestHeader();
                h.setTopic(TOPIC);
                h.setKey("m-key-3");
                h.setMaxNum(32);
                h.setBeginTimestamp(0L);
                h.setEndTimestamp(Long.MAX_VALUE);
                return request(RequestCode.QUERY_MESSAGE, h);
            }),
            SurfaceCase.remarkIgnored("UPDATE_AND_CREATE_TOPIC", () -> {
                CreateTopicRequestHeader h = new CreateTopicRequestHeader();
                h.setTopic("SURFACE_CREATED");
                h.setDefaultTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC);
                h.setReadQueueNums(2);
                h.setWriteQueueNums(2);
                h.setPerm(6);
                h.setTopicFilterType("SINGLE_TAG");
                h.setTopicSysFlag(0);
                h.setOrder(false);
                return request(RequestCode.UPDATE_AND_CREATE_TOPIC, h);
            }),
            new SurfaceCase("UPDATE_AND_CREATE_TOPIC of the auto-create default topic", () -> {
                CreateTopicRequestHeader h = new CreateTopicRequestHeader();
                h.setTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC);
                h.setDefaultTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC);
                h.setReadQueueNums(8);
                h.setWriteQueueNums(8);
                h.setPerm(7);
                h.setTopicFilterType("SINGLE_TAG");
                return request(RequestCode.UPDATE_AND_CREATE_TOPIC, h);
            }),
            new SurfaceCase("DELETE_TOPIC_IN_BROKER", () -> {
                DeleteTopicRequestHeader h = new DeleteTopicRequestHeader();
                h.setTopic("SURFACE_CREATED");
                return request(RequestCode.DELETE_TOPIC_IN_BROKER, h);
            }),
            new SurfaceCase("GET_ALL_TOPIC_CONFIG", () -> request(RequestCode.GET_ALL_TOPIC_CONFIG, null),
                "$.topicConfigTable"),
            new SurfaceCase("GET_TOPIC_STATS_INFO", () -> {
                GetTopicStatsInfoRequestHeader h = new GetTopicStatsInfoRequestHeader();
                h.setTopic(TOPIC);
                return request(RequestCode.GET_TOPIC_STATS_INFO, h);
            }, "$.offsetTable"),
            new SurfaceCase("GET_TOPIC_STATS_INFO of an unknown topic", () -> {
                GetTopicStatsInfoRequestHeader h = new GetTopicStatsInfoRequestHeader();
                h.setTopic("NO_SUCH_TOPIC");
                return request(RequestCode.GET_TOPIC_STATS_INFO, h);
            }),
            new SurfaceCase("QUERY_TOPIC_CONSUME_BY_WHO", () -> {
                QueryTopicConsumeByWhoRequestHeader h = new QueryTopicConsumeByWhoRequestHeader();
                h.setTopic(TOPIC);
                return request(RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, h);
            }),
            new SurfaceCase("GET_SYSTEM_TOPIC_LIST_FROM_BROKER", () ->
                request(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER, null)),
            new SurfaceCase("UPDATE_AND_CREATE_SUBSCRIPTIONGROUP", () -> {
                SubscriptionGroupConfig g = new SubscriptionGroupConfig();
                g.setGroupName("CG_SURFACE_CREATED");
                return withBody(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
                    RemotingSerializable.encode(g));
            }),
            new SurfaceCase("GET_ALL_SUBSCRIPTIONGROUP_CONFIG", () ->
                request(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, null), "$.subscriptionGroupTable"),
            new SurfaceCase("DELETE_SUBSCRIPTIONGROUP", () -> {
                DeleteSubscriptionGroupRequestHeader h = new DeleteSubscriptionGroupRequestHeader();
                h.setGroupName("CG_SURFACE_CREATED");
                h.setRemoveOffset(true);
                return request(RequestCode.DELETE_SUBSCRIPTIONGROUP, h);
            }),
            new SurfaceCase("GET_ALL_CONSUMER_OFFSET", () -> request(RequestCode.GET_ALL_CONSUMER_OFFSET, null),
                "$.offsetTable", "$.offsetTable{}"),
            new SurfaceCase("GET_ALL_DELAY_OFFSET", () -> request(RequestCode.GET_ALL_DELAY_OFFSET, null),
                "$.offsetTable"),
            new SurfaceCase("GET_CONSUMER_CONNECTION_LIST", () -> {
                GetConsumerConnectionListRequestHeader h = new GetConsumerConnectionListRequestHeader();
                h.setConsumerGroup(GROUP);
                return request(RequestCode.GET_CONSUMER_CONNECTION_LIST, h);
            }, "$.subscriptionTable"),
            new SurfaceCase("GET_CONSUMER_CONNECTION_LIST of an offline group", () -> {
                GetConsumerConnectionListRequestHeader h = new GetConsumerConnectionListRequestHeader();
                h.setConsumerGroup("CG_OFFLINE");
                return request(RequestCode.GET_CONSUMER_CONNECTION_LIST, h);
            }),
            new SurfaceCase("GET_PRODUCER_CONNECTION_LIST", () -> {
                GetProducerConnectionListRequestHeader h = new GetProducerConnectionListRequestHeader();
                h.setProducerGroup(PRODUCER_GROUP);
                return request(RequestCode.GET_PRODUCER_CONNECTION_LIST, h);
            }),
            new SurfaceCase("GET_PRODUCER_CONNECTION_LIST of an unknown group", () -> {
                GetProducerConnectionListRequestHeader h = new GetProducerConnectionListRequestHeader();
                h.setProducerGroup("PG_NOBODY");
                return request(RequestCode.GET_PRODUCER_CONNECTION_LIST, h);
            }),
            new SurfaceCase("GET_CONSUMER_RUNNING_INFO", side -> {
                GetConsumerRunningInfoRequestHeader h = new GetConsumerRunningInfoRequestHeader();
                h.setConsumerGroup(GROUP);
                h.setClientId(BrokerRequestSurfaceTest.CONSUMER_CLIENT_IDS.get(side));
                h.setJstackEnable(false);
                return request(RequestCode.GET_CONSUMER_RUNNING_INFO, h);
            }, "$.subscriptionSet[]", "$.mqTable", "$.statusTable", "$.properties"),
            new SurfaceCase("GET_CONSUMER_RUNNING_INFO of an unknown client", () -> {
                GetConsumerRunningInfoRequestHeader h = new GetConsumerRunningInfoRequestHeader();
                h.setConsumerGroup(GROUP);
                h.setClientId("127.0.0.1@nobody");
                h.setJstackEnable(false);
                return request(RequestCode.GET_CONSUMER_RUNNING_INFO, h);
            }),
            new SurfaceCase("GET_BROKER_CONFIG", () -> request(RequestCode.GET_BROKER_CONFIG, null)),
            new SurfaceCase("UPDATE_BROKER_CONFIG with no body", () ->
                request(RequestCode.UPDATE_BROKER_CONFIG, null)),
            new SurfaceCase("an unknown request code", () -> request(9_999, null)));
    }

    /** The official JSON form of a body object. */
    private static final class RemotingSerializable {
        static byte[] encode(Object o) {
            return org.apache.rocketmq.remoting.protocol.RemotingSerializable.encode(o);
        }
    }
}
