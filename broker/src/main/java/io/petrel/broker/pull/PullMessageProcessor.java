package io.petrel.broker.pull;

import io.netty.channel.Channel;
import io.petrel.broker.client.ConsumerGroupInfo;
import io.petrel.broker.client.ConsumerManager;
import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.stats.BrokerStats;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.topic.PermName;
import io.petrel.common.topic.TopicConfig;
import io.petrel.remoting.RemotingResponder;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.PullMessageRequestHeader;
import io.petrel.remoting.protocol.header.PullMessageResponseHeader;
import io.petrel.store.BrokerRole;
import io.petrel.store.GetMessageResult;
import io.petrel.store.GetMessageStatus;
import io.petrel.store.MessageStore;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PULL_MESSAGE: checks the request in the order 4.9.7 brokers do, reads up to {@code maxMsgNums} records with
 * the broker-side tag filter, parks the pull when nothing is there and the client allows it (long polling), and
 * stores the piggy-backed commit offset.
 */
public final class PullMessageProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(PullMessageProcessor.class);
    static final String SQL92_UNSUPPORTED = "The broker does not support consumer to filter message by SQL92";

    private final Supplier<BrokerConfig> config;
    private final BrokerRole role;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final ConsumerManager consumers;
    private final ConsumerOffsetManager offsets;
    private final MessageStore store;
    private final BrokerStats stats;
    private final Clock clock;
    private volatile PullRequestHoldService holdService;
    private volatile Executor rerunExecutor;
    private volatile boolean onIoThread;

    public PullMessageProcessor(Supplier<BrokerConfig> config, BrokerRole role, TopicConfigManager topics,
                                SubscriptionGroupManager groups, ConsumerManager consumers,
                                ConsumerOffsetManager offsets, MessageStore store, BrokerStats stats, Clock clock) {
        this.config = config;
        this.role = role;
        this.topics = topics;
        this.groups = groups;
        this.consumers = consumers;
        this.offsets = offsets;
        this.store = store;
        this.stats = stats;
        this.clock = clock;
    }

    /**
     * Wires long polling: where parked pulls wait, and the pool woken pulls run on; {@code onIoThread} says that
     * requests arrive on the connection's I/O thread, which then hands a pull that may read from the disk to that
     * pool.
     */
    public void attach(PullRequestHoldService holdService, Executor rerunExecutor, boolean onIoThread) {
        this.holdService = holdService;
        this.rerunExecutor = rerunExecutor;
        this.onIoThread = onIoThread;
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        PullMessageRequestHeader h = request.decodeHeader(PullMessageRequestHeader::decode);
        if (onIoThread && store.checkInDiskByConsumeOffset(h.topic(), h.queueId(), h.queueOffset())) {
            return offload(channel, request, h);
        }
        return process(channel, request, h, true);
    }

    /** Runs a first pull on the pool: its messages lie beyond the memory share, where a read may wait on the disk. */
    private RemotingCommand offload(Channel channel, RemotingCommand request, PullMessageRequestHeader h) {
        try {
            rerunExecutor.execute(() -> {
                try {
                    RemotingCommand response = process(channel, request, h, true);
                    if (response != null) {
                        RemotingResponder.respond(channel, request, response);
                    }
                } catch (Exception e) {
                    LOG.warn("a pull handed to the pull pool failed", e);
                    RemotingResponder.respond(channel, request,
                        RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.toString()));
                }
            });
            return null;
        } catch (RejectedExecutionException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_BUSY,
                "[OVERLOAD]system busy, pull queue full");
        }
    }

    /** Runs a pull woken from long polling: once more, never parked again, no offset commit. */
    public void rerun(HeldPull pull) {
        try {
            rerunExecutor.execute(() -> {
                try {
                    RemotingCommand response = process(pull.channel(), pull.request(),
                        pull.request().decodeHeader(PullMessageRequestHeader::decode), false);
                    RemotingResponder.respond(pull.channel(), pull.request(), response);
                } catch (Exception e) {
                    LOG.warn("re-running a held pull failed", e);
                    RemotingResponder.respond(pull.channel(), pull.request(),
                        RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.toString()));
                }
            });
        } catch (RejectedExecutionException e) {
            RemotingResponder.respond(pull.channel(), pull.request(),
                RemotingCommand.createResponse(ResponseCode.SYSTEM_BUSY, "[OVERLOAD]system busy, pull queue full"));
        }
    }

    RemotingCommand process(Channel channel, RemotingCommand request, PullMessageRequestHeader h, boolean firstRun)
        throws Exception {
        if (!PermName.isReadable(config.get().getBrokerPermission())) {
            return fail(ResponseCode.NO_PERMISSION, "the broker[" + config.get().getBrokerIP1()
                + "] pulling message is forbidden");
        }
        SubscriptionGroupConfig group = groups.find(h.consumerGroup());
        if (group == null) {
            return fail(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group [" + h.consumerGroup()
                + "] does not exist, http://rocketmq.apache.org/docs/faq/");
        }
        if (!group.consumeEnable()) {
            return fail(ResponseCode.NO_PERMISSION, "subscription group no permission, " + h.consumerGroup());
        }
        TopicConfig topic = topics.select(h.topic());
        if (topic == null) {
            return fail(ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.topic() + "] not exist, apply first please! "
                + "http://rocketmq.apache.org/docs/faq/");
        }
        if (!PermName.isReadable(topic.perm())) {
            return fail(ResponseCode.NO_PERMISSION, "the topic[" + h.topic() + "] pulling message is forbidden");
        }
        if (h.queueId() < 0 || h.queueId() >= topic.readQueueNums()) {
            return fail(ResponseCode.SYSTEM_ERROR, String.format("queueId[%d] is illegal, topic:[%s] "
                + "topicConfig.readQueueNums:[%d] consumer:[%s]", h.queueId(), h.topic(), topic.readQueueNums(),
                channel.remoteAddress()));
        }
        SubscriptionOrError sub = subscription(h, group);
        if (sub.error != null) {
            return sub.error;
        }
        RemotingCommand response = read(h, group, sub.data);
        boolean nothingYet = response.code() == ResponseCode.PULL_NOT_FOUND;
        if (nothingYet && firstRun && PullSysFlag.has(h.sysFlag(), PullSysFlag.SUSPEND) && holdService != null) {
            long timeout = config.get().isLongPollingEnable() ? h.suspendTimeoutMillis() : config.get().getShortPollingTimeMills();
            holdService.hold(h.topic(), h.queueId(),
                new HeldPull(channel, request, h.queueOffset(), clock.millis() + timeout, sub.data));
            commitIfAsked(channel, h, firstRun);
            return null;
        }
        commitIfAsked(channel, h, firstRun);
        return response;
    }

    private void commitIfAsked(Channel channel, PullMessageRequestHeader h, boolean firstRun) {
        if (firstRun && role != BrokerRole.SLAVE && PullSysFlag.has(h.sysFlag(), PullSysFlag.COMMIT_OFFSET)) {
            offsets.commit(String.valueOf(channel.remoteAddress()), h.consumerGroup(), h.topic(), h.queueId(),
                h.commitOffset());
        }
    }

    private record SubscriptionOrError(SubscriptionData data, RemotingCommand error) {
    }

    private SubscriptionOrError subscription(PullMessageRequestHeader h, SubscriptionGroupConfig group) {
        if (PullSysFlag.has(h.sysFlag(), PullSysFlag.SUBSCRIPTION)) {
            if (h.expressionType() != null && !SubscriptionData.TAG.equals(h.expressionType())) {
                return new SubscriptionOrError(null, fail(ResponseCode.SYSTEM_ERROR, SQL92_UNSUPPORTED));
            }
            try {
                return new SubscriptionOrError(SubscriptionData.ofTags(h.topic(), h.subscription(), h.subVersion()),
                    null);
            } catch (IllegalArgumentException e) {
                return new SubscriptionOrError(null, fail(ResponseCode.SUBSCRIPTION_PARSE_FAILED,
                    "parse the consumer's subscription failed: " + e.getMessage()));
            }
        }
        ConsumerGroupInfo info = consumers.group(h.consumerGroup());
        if (info == null) {
            return new SubscriptionOrError(null, fail(ResponseCode.SUBSCRIPTION_NOT_EXIST,
                "the consumer's group info not exist"));
        }
        if (!group.consumeBroadcastEnable() && info.messageModel() == MessageModel.BROADCASTING) {
            return new SubscriptionOrError(null, fail(ResponseCode.NO_PERMISSION,
                "the consumer group[" + h.consumerGroup() + "] can not consume by broadcast way"));
        }
        SubscriptionData data = info.subscription(h.topic());
        if (data == null) {
            return new SubscriptionOrError(null, fail(ResponseCode.SUBSCRIPTION_NOT_EXIST,
                "the consumer's subscription not exist"));
        }
        if (data.subVersion() < h.subVersion()) {
            return new SubscriptionOrError(null, fail(ResponseCode.SUBSCRIPTION_NOT_LATEST,
                "the consumer's subscription not latest"));
        }
        if (!SubscriptionData.TAG.equals(data.expressionType())) {
            return new SubscriptionOrError(null, fail(ResponseCode.SYSTEM_ERROR, SQL92_UNSUPPORTED));
        }
        return new SubscriptionOrError(data, null);
    }

    /** Reads and maps the store's answer; a PULL_NOT_FOUND answer may still be parked by the caller. */
    private RemotingCommand read(PullMessageRequestHeader h, SubscriptionGroupConfig group, SubscriptionData sub) {
        long beginMillis = clock.millis();
        GetMessageResult result = store.getMessage(h.consumerGroup(), h.topic(), h.queueId(), h.queueOffset(),
            h.maxMsgNums(), sub.matchesAll() ? null : code -> sub.matchesTagsCode(code));
        if (result == null) {
            return fail(ResponseCode.SYSTEM_ERROR, "store getMessage return null");
        }
        boolean handedOver = false;
        try {
            PullMessageResponseHeader header = answerHeader(h, group, result);
            int code = codeFor(result.status(), h.queueOffset());
            if (code == ResponseCode.PULL_OFFSET_MOVED && !correctsOffsets()) {
                // A slave may only lag its master: it sends the consumer back to the group's broker to retry
                // instead of moving the consumer's offset.
                LOG.warn("out-of-range pull left uncorrected on a slave: topic={} group={} queue={} offset={} "
                    + "status={} suggestBrokerId={}", h.topic(), h.consumerGroup(), h.queueId(), h.queueOffset(),
                    result.status(), group.brokerId());
                code = ResponseCode.PULL_RETRY_IMMEDIATELY;
                header = new PullMessageResponseHeader(group.brokerId(), header.nextBeginOffset(),
                    header.minOffset(), header.maxOffset());
            }
            RemotingCommand response = RemotingCommand.createResponse(code, result.status().name(), header);
            if (code == ResponseCode.SUCCESS) {
                if (config.get().isTransferMsgByHeap()) {
                    response.body(result.copyToHeap().array());
                } else {
                    // Sent straight from the mapped CommitLog; the slices are released once the write is done.
                    response.bodyRegion(Unpooled.wrappedBuffer(result.messageBuffers().toArray(new ByteBuffer[0])),
                        result::release);
                    handedOver = true;
                }
            }
            if (code == ResponseCode.SUCCESS) {
                stats.onGet(h.topic(), h.consumerGroup(), h.queueId(), new BrokerStats.Get(result.messageCount(),
                    result.bufferTotalSize(), clock.millis() - beginMillis, result.suggestPullingFromSlave()));
            }
            return response;
        } finally {
            if (!handedOver) {
                result.release();
            }
        }
    }

    /**
     * The header for a store answer before any slave rule: the suggested broker (0 unless slave reads are on)
     * and the next offset, which stays at the requested one for an out-of-range pull on a slave that does not
     * check offsets.
     */
    private PullMessageResponseHeader answerHeader(PullMessageRequestHeader h, SubscriptionGroupConfig group,
                                                   GetMessageResult result) {
        long suggest = !config.get().isSlaveReadEnable() ? 0
            : result.suggestPullingFromSlave() ? group.whichBrokerWhenConsumeSlowly() : group.brokerId();
        long next = isOutOfRange(result.status()) && !correctsOffsets() ? h.queueOffset() : result.nextBeginOffset();
        return new PullMessageResponseHeader(suggest, next, result.minOffset(), result.maxOffset());
    }

    /** Whether this broker moves a consumer's out-of-range offset: a master always, a slave only if told to. */
    private boolean correctsOffsets() {
        return role != BrokerRole.SLAVE || config.get().isOffsetCheckInSlave();
    }

    /** The store answers whose next offset is a correction of the requested one rather than progress. */
    static boolean isOutOfRange(GetMessageStatus status) {
        return switch (status) {
            case NO_MESSAGE_IN_QUEUE, NO_MATCHED_LOGIC_QUEUE, OFFSET_TOO_SMALL, OFFSET_OVERFLOW_ONE,
                OFFSET_OVERFLOW_BADLY, OFFSET_FOUND_NULL -> true;
            case FOUND, NO_MATCHED_MESSAGE, MESSAGE_WAS_REMOVING -> false;
        };
    }

    static int codeFor(GetMessageStatus status, long requestedOffset) {
        return switch (status) {
            case FOUND -> ResponseCode.SUCCESS;
            case NO_MATCHED_MESSAGE, MESSAGE_WAS_REMOVING -> ResponseCode.PULL_RETRY_IMMEDIATELY;
            case NO_MESSAGE_IN_QUEUE, NO_MATCHED_LOGIC_QUEUE -> requestedOffset != 0 ? ResponseCode.PULL_OFFSET_MOVED
                : ResponseCode.PULL_NOT_FOUND;
            case OFFSET_TOO_SMALL, OFFSET_OVERFLOW_BADLY -> ResponseCode.PULL_OFFSET_MOVED;
            case OFFSET_OVERFLOW_ONE, OFFSET_FOUND_NULL -> ResponseCode.PULL_NOT_FOUND;
        };
    }

    private static RemotingCommand fail(int code, String remark) {
        return RemotingCommand.createResponse(code, remark);
    }
}
