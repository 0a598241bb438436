package io.petrel.test.surface;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.header.CloneGroupOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetAllProducerInfoRequestHeader;
import org.apache.rocketmq.common.protocol.header.GetConsumerStatusRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryCorrectionOffsetHeader;
import org.apache.rocketmq.common.protocol.header.ResetOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.ResumeCheckHalfMessageRequestHeader;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * Group, offset, producer and transaction admin requests for {@link BrokerRequestSurfaceTest}: QUERY_CORRECTION_OFFSET,
 * CLONE_GROUP_OFFSET, INVOKE_BROKER_TO_RESET_OFFSET, INVOKE_BROKER_TO_GET_CONSUMER_STATUS, GET_ALL_PRODUCER_INFO,
 * RESUME_CHECK_HALF_MESSAGE and CONSUME_MESSAGE_DIRECTLY, each with good and bad input. The cases run in list order:
 * the status and reset of an offline group need the clone before them. Requests that name a client id or a message of one
 * side only are checked by {@link GroupAdminSideBySideTest}.
 */
final class GroupSurfaceCases {
    private static final String TOPIC = BrokerRequestSurfaceTest.TOPIC;
    private static final String GROUP = BrokerRequestSurfaceTest.GROUP;
    /** A group that gets CG_SURFACE's offsets by a clone and has no client. */
    private static final String CLONE = "CG_SURFACE_CLONE";
    /** An offset message id of the first record in either broker's CommitLog (the host part is not read). */
    private static final String FIRST_RECORD = "7F00000100002A9F0000000000000000";
    /** An offset message id far past the end of either CommitLog. */
    private static final String NO_RECORD = "7F00000100002A9F00000000FFFFFF00";

    private GroupSurfaceCases() {
    }

    static List<SurfaceCase> cases() {
        return List.of(
            correction("QUERY_CORRECTION_OFFSET", null, GROUP, TOPIC),
            correction("QUERY_CORRECTION_OFFSET filtering a group without offsets", "CG_NOBODY", GROUP, TOPIC),
            correction("QUERY_CORRECTION_OFFSET of an unknown topic", null, GROUP, "NO_SUCH_TOPIC"),
            correction("QUERY_CORRECTION_OFFSET of an unknown compare group", null, "CG_NOBODY", TOPIC),
            correction("QUERY_CORRECTION_OFFSET without a compare group", null, null, TOPIC),
            clone("CLONE_GROUP_OFFSET of one topic", GROUP, CLONE, TOPIC, false),
            clone("CLONE_GROUP_OFFSET of every topic, offline", GROUP, CLONE, null, true),
            clone("CLONE_GROUP_OFFSET of an unknown group", "CG_NOBODY", "CG_NOBODY_CLONE", TOPIC, false),
            clone("CLONE_GROUP_OFFSET of an unknown topic", GROUP, CLONE, "NO_SUCH_TOPIC", false),
            status("INVOKE_BROKER_TO_GET_CONSUMER_STATUS", GROUP, TOPIC, null),
            status("INVOKE_BROKER_TO_GET_CONSUMER_STATUS of an unknown client", GROUP, TOPIC, "127.0.0.1@nobody"),
            status("INVOKE_BROKER_TO_GET_CONSUMER_STATUS of an unknown topic", GROUP, "NO_SUCH_TOPIC", null),
            status("INVOKE_BROKER_TO_GET_CONSUMER_STATUS of an offline group", CLONE, TOPIC, null),
            reset("INVOKE_BROKER_TO_RESET_OFFSET of an offline group", CLONE, TOPIC, 0, true),
            reset("INVOKE_BROKER_TO_RESET_OFFSET of a group without offsets", "CG_NOBODY", TOPIC, -1, true),
            reset("INVOKE_BROKER_TO_RESET_OFFSET of an unknown topic", GROUP, "NO_SUCH_TOPIC", -1, true),
            new SurfaceCase("GET_ALL_PRODUCER_INFO", request(RequestCode.GET_ALL_PRODUCER_INFO,
                new GetAllProducerInfoRequestHeader()), "$.data"),
            resume("RESUME_CHECK_HALF_MESSAGE without a msgId", null),
            resume("RESUME_CHECK_HALF_MESSAGE of a malformed msgId", "XYZ"),
            resume("RESUME_CHECK_HALF_MESSAGE past the CommitLog end", NO_RECORD),
            direct("CONSUME_MESSAGE_DIRECTLY to an unknown client", GROUP, "127.0.0.1@nobody", FIRST_RECORD),
            direct("CONSUME_MESSAGE_DIRECTLY to an offline group", "CG_NOBODY", "127.0.0.1@nobody", FIRST_RECORD),
            direct("CONSUME_MESSAGE_DIRECTLY of a malformed msgId", GROUP, "127.0.0.1@nobody", "XYZ"),
            direct("CONSUME_MESSAGE_DIRECTLY without a group", null, "127.0.0.1@nobody", FIRST_RECORD),
            // Last and only once: the official client handles a reset by pausing one of its request threads for
            // 10 s, during which it answers other broker requests more slowly. Forced resets and their values are
            // in GroupAdminSideBySideTest.
            reset("INVOKE_BROKER_TO_RESET_OFFSET of an online group to the queue end", GROUP, TOPIC, -1, false));
    }

    private static <H extends CommandCustomHeader> Supplier<RemotingCommand> request(int code, H header) {
        return () -> RemotingCommand.createRequestCommand(code, header);
    }

    private static <H extends CommandCustomHeader> Supplier<RemotingCommand> request(int code, Supplier<H> header,
                                                                                     Consumer<H> fill) {
        return () -> {
            H h = header.get();
            fill.accept(h);
            return RemotingCommand.createRequestCommand(code, h);
        };
    }

    private static SurfaceCase correction(String name, String filterGroups, String compareGroup, String topic) {
        return new SurfaceCase(name, request(RequestCode.QUERY_CORRECTION_OFFSET, QueryCorrectionOffsetHeader::new,
            h -> {
                h.setFilterGroups(filterGroups);
                h.setCompareGroup(compareGroup);
                h.setTopic(topic);
            }), "$.correctionOffsets");
    }

    private static SurfaceCase clone(String name, String src, String dest, String topic, boolean offline) {
        return new SurfaceCase(name, request(RequestCode.CLONE_GROUP_OFFSET, CloneGroupOffsetRequestHeader::new,
            h -> {
                h.setSrcGroup(src);
                h.setDestGroup(dest);
                h.setTopic(topic);
                h.setOffline(offline);
            }));
    }

    private static SurfaceCase reset(String name, String group, String topic, long timestamp, boolean force) {
        return new SurfaceCase(name, request(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, ResetOffsetRequestHeader::new,
            h -> {
                h.setGroup(group);
                h.setTopic(topic);
                h.setTimestamp(timestamp);
                h.setForce(force);
            }), "$.offsetTable");
    }

    private static SurfaceCase status(String name, String group, String topic, String clientAddr) {
        return new SurfaceCase(name, request(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS,
            GetConsumerStatusRequestHeader::new, h -> {
                h.setGroup(group);
                h.setTopic(topic);
                h.setClientAddr(clientAddr);
            }), "$.consumerTable", "$.consumerTable{}", "$.messageQueueTable");
    }

    private static SurfaceCase resume(String name, String msgId) {
        return new SurfaceCase(name, request(RequestCode.RESUME_CHECK_HALF_MESSAGE,
            ResumeCheckHalfMessageRequestHeader::new, h -> h.setMsgId(msgId)));
    }

    private static SurfaceCase direct(String name, String group, String clientId, String msgId) {
        return new SurfaceCase(name, request(RequestCode.CONSUME_MESSAGE_DIRECTLY,
            ConsumeMessageDirectlyResultRequestHeader::new, h -> {
                h.setConsumerGroup(group);
                h.setClientId(clientId);
                h.setMsgId(msgId);
            }));
    }
}
