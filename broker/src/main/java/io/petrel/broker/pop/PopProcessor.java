package io.petrel.broker.pop;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.config.JsonConfigFile;
import io.petrel.broker.inner.InnerMessage;
import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.topic.PermName;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.RemotingResponder;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.store.GetMessageResult;
import io.petrel.store.MessageStore;
import io.petrel.store.PutMessageResult;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * Pop consumption as RocketMQ 5.x brokers serve it to the 5.x remoting client: POP_MESSAGE hands out up to
 * {@code maxMsgNums} messages of one queue or of all queues (and of the group's pop retry topic), writes a check
 * point into the revive topic and moves the group's offset past them; ACK_MESSAGE writes an ack against the check
 * point; CHANGE_MESSAGE_INVISIBLETIME writes a new check point for one message and acks the old one. What is not
 * acked by its revive time is put back by {@link PopReviveService}. A pop that finds nothing waits up to its
 * {@code pollTime} for messages. An orderly pop ({@code order=true}, as the 5.x proxy sends for FIFO groups) writes
 * no check point: {@link PopOrders} keeps its batch, the queue gives nothing more to the group until the batch is
 * acked or its invisible time has passed, and the group's offset moves only as the batch is acked in order.
 * Thread-safe.
 */
public final class PopProcessor implements RequestProcessor {
    /** 5.x's codes for a pop that could not wait (too many waiting) and one whose wait ran out. */
    public static final int POLLING_FULL = 209;
    public static final int POLLING_TIMEOUT = 210;
    static final int MAX_MSG_NUMS = 32;
    /** Queues of the revive topic (5.x's default {@code reviveQueueNum}). */
    static final int REVIVE_QUEUE_NUMS = 8;
    static final int MAX_WAITING_POPS = 1024;
    /** How long a waiting pop sleeps at most between passes when no message wakes it. */
    private static final long RECHECK_MS = 1000;
    private static final double RETRY_FIRST_PROBABILITY = 0.2;
    private static final int INIT_MODE_MIN = 0;
    private static final int RW = PermName.PERM_READ | PermName.PERM_WRITE;
    private static final String BATCH_ACK = "BatchAckMessageRequestBody";

    private final Supplier<BrokerConfig> config;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final ConsumerOffsetManager offsets;
    private final MessageStore store;
    private final InetSocketAddress storeHost;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Executor wakeExecutor;
    private final PopOrders orders;
    private final Map<String, Object> queueLocks = new ConcurrentHashMap<>();
    /** Pops waiting for messages, by the topics they read (the topic and the group's pop retry topic). */
    private final Map<String, Set<Held>> held = new ConcurrentHashMap<>();
    private final AtomicLong checkPoints = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();

    public PopProcessor(Supplier<BrokerConfig> config, TopicConfigManager topics, SubscriptionGroupManager groups,
                        ConsumerOffsetManager offsets, MessageStore store, InetSocketAddress storeHost, Clock clock,
                        ScheduledExecutorService timer, Executor wakeExecutor, JsonConfigFile orderInfoFile) {
        this.config = config;
        this.topics = topics;
        this.groups = groups;
        this.offsets = offsets;
        this.store = store;
        this.storeHost = storeHost;
        this.clock = clock;
        this.timer = timer;
        this.wakeExecutor = wakeExecutor;
        this.orders = new PopOrders(orderInfoFile);
        orders.load();
    }

    /**
     * Writes the orderly batches ({@code config/consumerOrderInfo.json}) if they changed, forgetting those of topics,
     * groups and queues that are gone and those untouched for a day.
     */
    public void persistOrderInfo() {
        orders.persist(clock.millis(), (topic, group, queueId) -> {
            TopicConfig t = topics.select(topic);
            return t != null && queueId < t.readQueueNums() && groups.get(group) != null;
        });
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.code()) {
            case RequestCode.POP_MESSAGE -> pop(channel, request);
            case RequestCode.ACK_MESSAGE -> ack(request);
            case RequestCode.BATCH_ACK_MESSAGE -> batchAck(request);
            case RequestCode.CHANGE_MESSAGE_INVISIBLETIME -> changeInvisibleTime(request);
            case RequestCode.NOTIFICATION -> notification(channel, request);
            case RequestCode.POLLING_INFO -> pollingInfo(channel, request);
            default -> RemotingCommand.createResponse(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.code() + " not supported");
        };
    }

    public String reviveTopic() {
        return PopRecords.reviveTopic(config.get().getBrokerClusterName());
    }

    public int reviveQueueNums() {
        return REVIVE_QUEUE_NUMS;
    }

    // ---- POP_MESSAGE -----------------------------------------------------------------------------------------

    record PopRequest(String group, String topic, int queueId, int maxMsgNums, long invisibleTime, long pollTime,
                      long bornTime, int initMode, String expType, String exp, boolean order, String attemptId) {
        static PopRequest decode(ExtFields f) throws RemotingCommandException {
            return new PopRequest(f.requiredString("consumerGroup"), f.requiredString("topic"),
                f.requiredInt("queueId"), f.requiredInt("maxMsgNums"), f.requiredLong("invisibleTime"),
                f.requiredLong("pollTime"), f.requiredLong("bornTime"), f.requiredInt("initMode"),
                f.string("expType"), f.string("exp"), Boolean.TRUE.equals(f.optionalBoolean("order")),
                f.string("attemptId"));
        }
    }

    /** What one pass over the queues found. */
    private static final class Found {
        /** What the answer sends, straight from the mapped CommitLog; released once sent (or not needed). */
        final List<GetMessageResult> results = new ArrayList<>();
        final StringBuilder startOffsetInfo = new StringBuilder();
        final StringBuilder msgOffsetInfo = new StringBuilder();
        final StringBuilder orderCountInfo = new StringBuilder();
        int count;
        long restNum;
        String error;
    }

    private RemotingCommand pop(Channel channel, RemotingCommand request) throws Exception {
        PopRequest h = request.decodeHeader(PopRequest::decode);
        long popTime = clock.millis();
        int reviveQid = h.order() ? PopRecords.ORDER_REVIVE_QUEUE
            : (int) (checkPoints.getAndIncrement() % reviveQueueNums());
        if (h.maxMsgNums() > MAX_MSG_NUMS) {
            return popResponse(ResponseCode.SYSTEM_ERROR, "the broker restrict msg number " + MAX_MSG_NUMS, h,
                popTime, reviveQid, 0);
        }
        if (!PermName.isReadable(config.get().getBrokerPermission())) {
            return popResponse(ResponseCode.NO_PERMISSION, "the broker[" + config.get().getBrokerIP1()
                + "] pop message is forbidden", h, popTime, reviveQid, 0);
        }
        TopicConfig topic = topics.select(h.topic());
        if (topic == null) {
            return popResponse(ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.topic()
                + "] not exist, apply first please!", h, popTime, reviveQid, 0);
        }
        if (!PermName.isReadable(topic.perm())) {
            return popResponse(ResponseCode.NO_PERMISSION, "the topic[" + h.topic() + "] peeking message is forbidden",
                h, popTime, reviveQid, 0);
        }
        if (h.queueId() >= topic.readQueueNums()) {
            return popResponse(ResponseCode.SYSTEM_ERROR, String.format("queueId[%d] is illegal, topic:[%s] "
                + "topicConfig.readQueueNums:[%d] consumer:[%s]", h.queueId(), h.topic(), topic.readQueueNums(),
                channel.remoteAddress()), h, popTime, reviveQid, 0);
        }
        SubscriptionGroupConfig group = groups.find(h.group());
        if (group == null) {
            return popResponse(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group [" + h.group()
                + "] does not exist", h, popTime, reviveQid, 0);
        }
        if (!group.consumeEnable()) {
            return popResponse(ResponseCode.NO_PERMISSION, "subscription group no permission, " + h.group(), h,
                popTime, reviveQid, 0);
        }
        LongPredicate filter;
        if (h.expType() != null && !SubscriptionData.TAG.equals(h.expType())) {
            return popResponse(ResponseCode.SYSTEM_ERROR, "The broker does not support consumer to filter message by "
                + h.expType(), h, popTime, reviveQid, 0);
        }
        try {
            SubscriptionData sub = SubscriptionData.ofTags(h.topic(), h.exp() == null ? "*" : h.exp(), 0);
            filter = sub.matchesAll() ? null : sub::matchesTagsCode;
        } catch (IllegalArgumentException e) {
            return popResponse(ResponseCode.SUBSCRIPTION_PARSE_FAILED, "parse the consumer's subscription failed: "
                + e.getMessage(), h, popTime, reviveQid, 0);
        }
        if (h.pollTime() > 0 && popTime - h.bornTime() - h.pollTime() > 500) {
            return popResponse(POLLING_TIMEOUT, "the broker is too late to answer this pop", h, popTime, reviveQid, 0);
        }
        return attempt(channel, request, h, topic, filter, reviveQid, true);
    }

    /**
     * One pass over the queues; with nothing found and time left in the client's poll, the pop waits and passes
     * again. Returns the answer, or null when it was (or will be) written later.
     */
    private RemotingCommand attempt(Channel channel, RemotingCommand request, PopRequest h, TopicConfig topic,
                                    LongPredicate filter, int reviveQid, boolean first) {
        long popTime = clock.millis();
        Found found = new Found();
        String retryTopic = PopRecords.popRetryTopic(h.topic(), h.group());
        // An orderly pop reads only the topic: what it does not ack in time comes back from the queue itself.
        boolean withRetry = !h.order();
        boolean retryFirst = withRetry && ThreadLocalRandom.current().nextDouble() < RETRY_FIRST_PROBABILITY;
        if (retryFirst) {
            popRetry(h, retryTopic, popTime, reviveQid, found);
        }
        if (h.queueId() >= 0) {
            popQueue(h, h.topic(), h.queueId(), filter, popTime, reviveQid, found);
        } else {
            int n = topic.readQueueNums();
            int start = ThreadLocalRandom.current().nextInt(n);
            for (int i = 0; i < n && found.count < h.maxMsgNums() && found.error == null; i++) {
                popQueue(h, h.topic(), (start + i) % n, filter, popTime, reviveQid, found);
            }
        }
        if (withRetry && !retryFirst && found.count < h.maxMsgNums()) {
            popRetry(h, retryTopic, popTime, reviveQid, found);
        }
        long deadline = h.bornTime() + h.pollTime();
        RemotingCommand answer = null;
        if (found.error != null) {
            answer = popResponse(ResponseCode.SYSTEM_ERROR, found.error, h, popTime, reviveQid, found.restNum);
        } else if (found.count > 0) {
            answer = popResponse(ResponseCode.SUCCESS, null, h, popTime, reviveQid, found.restNum, found);
        } else if (h.pollTime() <= 0 || popTime >= deadline) {
            // as 5.3 answers it, whether or not the pop asked to wait
            answer = popResponse(POLLING_TIMEOUT, "no new message",
                h, popTime, reviveQid, found.restNum);
        }
        if (answer != null) {
            if (answer.code() == ResponseCode.SUCCESS) {
                List<ByteBuffer> buffers = new ArrayList<>();
                found.results.forEach(r -> buffers.addAll(r.messageBuffers()));
                answer.bodyRegion(Unpooled.wrappedBuffer(buffers.toArray(new ByteBuffer[0])),
                    () -> found.results.forEach(GetMessageResult::release));
            } else {
                found.results.forEach(GetMessageResult::release);
            }
            return first ? answer : respond(channel, request, answer);
        }
        if (first && waiting.incrementAndGet() > MAX_WAITING_POPS) {
            waiting.decrementAndGet();
            return popResponse(POLLING_FULL, "the broker's waiting pops are full", h, popTime, reviveQid,
                found.restNum);
        }
        hold(new Held(channel, h.topic(), h.group(), h.queueId(), true,
            () -> attempt(channel, request, h, topic, filter, reviveQid, false)), deadline - popTime);
        return null;
    }

    /**
     * A pop (or a NOTIFICATION) waiting for messages; whoever claims it first (an arrival or its timer) runs it
     * again.
     */
    private final class Held {
        final Channel channel;
        /** The topics whose arrivals wake it: the topic and the group's pop retry topic. */
        final List<String> topics;
        final String group;
        final int queueId;
        /** A POP_MESSAGE (what POLLING_INFO counts), not a NOTIFICATION. */
        final boolean pop;
        /** One more pass: the answer, written, or null when it waits again. */
        final Supplier<RemotingCommand> again;
        private final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();

        Held(Channel channel, String topic, String group, int queueId, boolean pop, Supplier<RemotingCommand> again) {
            this.channel = channel;
            this.topics = List.of(topic, PopRecords.popRetryTopic(topic, group));
            this.group = group;
            this.queueId = queueId;
            this.pop = pop;
            this.again = again;
        }

        void runAgain() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            for (String t : topics) {
                Set<Held> set = held.get(t);
                if (set != null) {
                    set.remove(this);
                }
            }
            RemotingCommand r = channel.isActive() ? again.get() : null;
            if (r != null || !channel.isActive()) {
                waiting.decrementAndGet();
            }
        }
    }

    /**
     * Parks a pop until a message arrives on one of its topics or {@code RECHECK_MS} pass (which also covers an
     * arrival between its last pass and this call), at most until its poll ends.
     */
    private void hold(Held p, long leftMs) {
        for (String t : p.topics) {
            held.computeIfAbsent(t, k -> ConcurrentHashMap.newKeySet()).add(p);
        }
        timer.schedule(() -> wakeExecutor.execute(p::runAgain), Math.max(1, Math.min(RECHECK_MS, leftMs)),
            TimeUnit.MILLISECONDS);
    }

    /** The store's dispatch callback: the pops waiting on {@code topic} look again. */
    public void messageArriving(String topic) {
        Set<Held> set = held.get(topic);
        if (set == null || set.isEmpty()) {
            return;
        }
        for (Held p : set.toArray(new Held[0])) {
            try {
                wakeExecutor.execute(p::runAgain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // busy: the pop's own timer runs it
            }
        }
    }

    private static RemotingCommand respond(Channel channel, RemotingCommand request, RemotingCommand response) {
        RemotingResponder.respond(channel, request, response);
        return response;
    }

    private void popRetry(PopRequest h, String retryTopic, long popTime, int reviveQid, Found found) {
        if (found.count >= h.maxMsgNums() || found.error != null) {
            return;
        }
        TopicConfig retry = topics.select(retryTopic);
        if (retry == null) {
            return;
        }
        for (int q = 0; q < retry.readQueueNums() && found.count < h.maxMsgNums() && found.error == null; q++) {
            popQueue(h, retryTopic, q, null, popTime, reviveQid, found);
        }
    }

    /** Pops what it can of one queue under the queue's lock: the check point first, then the offset moves. */
    private void popQueue(PopRequest h, String topic, int queueId, LongPredicate filter, long popTime, int reviveQid,
                          Found found) {
        synchronized (queueLock(topic, h.group(), queueId)) {
            if (h.order() && orders.blocked(topic, h.group(), queueId, h.attemptId(), h.invisibleTime(), popTime)) {
                return;
            }
            long offset = popOffset(h, topic, queueId);
            GetMessageResult r = store.getMessage(h.group(), topic, queueId, offset, h.maxMsgNums() - found.count,
                filter);
            if (r == null) {
                return;
            }
            boolean handedOver = false;
            try {
                found.restNum += Math.max(0, r.maxOffset() - r.nextBeginOffset());
                List<Long> queueOffsets = r.queueOffsets();
                if (queueOffsets.isEmpty()) {
                    if (r.nextBeginOffset() != offset && r.nextBeginOffset() >= 0) {
                        offsets.commit("pop", h.group(), topic, queueId, r.nextBeginOffset());
                    }
                    return;
                }
                long start = queueOffsets.get(0);
                if (h.order()) {
                    // The offset stays at the batch until its messages are acked.
                    orders.popped(h.attemptId(), topic, h.group(), queueId, popTime, h.invisibleTime(), queueOffsets,
                        clock.millis(), found.orderCountInfo);
                    offsets.commit("pop", h.group(), topic, queueId, offset);
                } else {
                    List<Integer> diffs = new ArrayList<>(queueOffsets.size());
                    for (long qo : queueOffsets) {
                        diffs.add((int) (qo - start));
                    }
                    PopRecords.CheckPoint ck = new PopRecords.CheckPoint(start, popTime, h.invisibleTime(), topic,
                        h.group(), queueId, diffs, config.get().getBrokerName());
                    PutMessageResult put = putRevive(ck.encode(), PopRecords.CK_TAG, reviveQid);
                    if (!put.isOk()) {
                        found.error = "writing the pop check point failed: " + put.status();
                        return;
                    }
                    offsets.commit("pop", h.group(), topic, queueId, r.nextBeginOffset());
                }
                found.results.add(r);
                handedOver = true;
                found.count += queueOffsets.size();
                PopRecords.appendStartOffset(found.startOffsetInfo, topic, queueId, start);
                PopRecords.appendMsgOffsets(found.msgOffsetInfo, topic, queueId, queueOffsets);
            } finally {
                if (!handedOver) {
                    r.release();
                }
            }
        }
    }

    // ---- NOTIFICATION and POLLING_INFO ------------------------------------------------------------------------

    /** What NOTIFICATION and POLLING_INFO name; NOTIFICATION's {@code bornTime} 0 or absent is the time it came. */
    record Watch(String group, String topic, int queueId, long pollTime, long bornTime, boolean order,
                 String attemptId) {
        static Watch decode(ExtFields f, long now, boolean notification) throws RemotingCommandException {
            long born = notification ? f.longOr("bornTime", 0) : 0;
            return new Watch(f.requiredString("consumerGroup"), f.requiredString("topic"), f.requiredInt("queueId"),
                notification ? f.requiredLong("pollTime") : 0, born == 0 ? now : born,
                Boolean.TRUE.equals(f.optionalBoolean("order")), f.string("attemptId"));
        }
    }

    /** The checks a NOTIFICATION and a POLLING_INFO share with a pop; the refusal, or null. */
    private RemotingCommand refuseWatch(Channel channel, Watch w, TopicConfig topic) {
        if (!PermName.isReadable(config.get().getBrokerPermission())) {
            return RemotingCommand.createResponse(ResponseCode.NO_PERMISSION, "the broker["
                + config.get().getBrokerIP1() + "] peeking message is forbidden");
        }
        if (topic == null) {
            return RemotingCommand.createResponse(ResponseCode.TOPIC_NOT_EXIST, "topic[" + w.topic()
                + "] not exist, apply first please!");
        }
        if (!PermName.isReadable(topic.perm())) {
            return RemotingCommand.createResponse(ResponseCode.NO_PERMISSION, "the topic[" + w.topic()
                + "] peeking message is forbidden");
        }
        if (w.queueId() >= topic.readQueueNums()) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, String.format("queueId[%d] is illegal, "
                + "topic:[%s] topicConfig.readQueueNums:[%d] consumer:[%s]", w.queueId(), w.topic(),
                topic.readQueueNums(), channel.remoteAddress()));
        }
        SubscriptionGroupConfig group = groups.find(w.group());
        if (group == null) {
            return RemotingCommand.createResponse(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group ["
                + w.group() + "] does not exist");
        }
        if (!group.consumeEnable()) {
            return RemotingCommand.createResponse(ResponseCode.NO_PERMISSION, "subscription group no permission, "
                + w.group());
        }
        return null;
    }

    /**
     * NOTIFICATION (5.x {@code MQClientAPIExt.notification}): whether a pop of the group would find a message in
     * the queue ({@code queueId} -1: any queue) or, not orderly, in its pop retry topic; with none, the request
     * waits up to {@code pollTime} for one, as a pop does.
     */
    private RemotingCommand notification(Channel channel, RemotingCommand request) throws Exception {
        long now = clock.millis();
        Watch w = request.decodeHeader(f -> Watch.decode(f, now, true));
        TopicConfig topic = topics.select(w.topic());
        RemotingCommand refused = refuseWatch(channel, w, topic);
        // 5.3 writes its answer's header, with its default, on a refusal too
        return refused != null ? refused.customHeader(out -> out.put("hasMsg", "false"))
            : notificationPass(channel, request, w, topic, true);
    }

    private RemotingCommand notificationPass(Channel channel, RemotingCommand request, Watch w, TopicConfig topic,
                                             boolean first) {
        boolean hasMsg = (!w.order() && anyRest(w, PopRecords.popRetryTopic(w.topic(), w.group())))
            || (w.queueId() >= 0 ? rest(w, w.topic(), w.queueId()) : anyRest(w, w.topic()));
        long now = clock.millis();
        long deadline = w.bornTime() + w.pollTime();
        boolean wait = !hasMsg && w.pollTime() > 0 && now < deadline;
        if (wait && first && waiting.incrementAndGet() > MAX_WAITING_POPS) {
            waiting.decrementAndGet();
            wait = false; // as 5.3: too many waiting, answered at once
        }
        if (wait) {
            hold(new Held(channel, w.topic(), w.group(), w.queueId(), false,
                () -> notificationPass(channel, request, w, topic, false)), deadline - now);
            return null;
        }
        RemotingCommand answer = RemotingCommand.createResponse(ResponseCode.SUCCESS, null,
            out -> out.put("hasMsg", Boolean.toString(hasMsg)));
        return first ? answer : respond(channel, request, answer);
    }

    private boolean anyRest(Watch w, String topicName) {
        TopicConfig t = topics.select(topicName);
        if (t == null) {
            return false;
        }
        for (int q = 0; q < t.readQueueNums(); q++) {
            if (rest(w, topicName, q)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the queue holds a message past the group's offset (the first message's for a group without one, as
     * 5.3 counts); an orderly watch sees nothing in a queue whose batch is still out.
     */
    private boolean rest(Watch w, String topicName, int queueId) {
        if (w.order() && orders.blocked(topicName, w.group(), queueId, w.attemptId(), 0, clock.millis())) {
            return false;
        }
        long offset = offsets.query(w.group(), topicName, queueId);
        if (offset < 0) {
            offset = Math.max(0, store.getMinOffsetInQueue(topicName, queueId));
        }
        return store.getMaxOffsetInQueue(topicName, queueId) > offset;
    }

    /** POLLING_INFO: how many pops of the group wait on the topic with this {@code queueId} (-1: any queue). */
    private RemotingCommand pollingInfo(Channel channel, RemotingCommand request) throws Exception {
        Watch w = request.decodeHeader(f -> Watch.decode(f, 0, false));
        TopicConfig topic = topics.select(w.topic());
        RemotingCommand refused = refuseWatch(channel, w, topic);
        if (refused != null) {
            return refused.customHeader(out -> out.put("pollingNum", "0"));
        }
        Set<Held> set = held.get(w.topic());
        long n = set == null ? 0 : set.stream().filter(p -> p.pop && p.queueId == w.queueId()
            && p.group.equals(w.group())).count();
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, out -> out.put("pollingNum",
            Long.toString(n)));
    }

    private Object queueLock(String topic, String group, int queueId) {
        return queueLocks.computeIfAbsent(topic + '@' + group + '@' + queueId, k -> new Object());
    }

    /** The group's offset in the queue; a group new to it starts at the first or the last message, as asked. */
    private long popOffset(PopRequest h, String topic, int queueId) {
        long committed = offsets.query(h.group(), topic, queueId);
        if (committed >= 0) {
            return committed;
        }
        long start = h.initMode() == INIT_MODE_MIN || topic.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)
            ? Math.max(0, store.getMinOffsetInQueue(topic, queueId))
            : Math.max(0, store.getMaxOffsetInQueue(topic, queueId));
        offsets.commit("pop", h.group(), topic, queueId, start);
        return start;
    }

    private RemotingCommand popResponse(int code, String remark, PopRequest h, long popTime, int reviveQid,
                                        long restNum) {
        return popResponse(code, remark, h, popTime, reviveQid, restNum, null);
    }

    /** Every pop answer carries the header fields the 5.x client requires, whatever its code. */
    private RemotingCommand popResponse(int code, String remark, PopRequest h, long popTime, int reviveQid,
                                        long restNum, Found found) {
        CommandHeader header = out -> {
            out.put("popTime", Long.toString(popTime));
            out.put("invisibleTime", Long.toString(h.invisibleTime()));
            out.put("reviveQid", Integer.toString(reviveQid));
            out.put("restNum", Long.toString(restNum));
            if (found != null && found.count > 0) {
                out.put("startOffsetInfo", found.startOffsetInfo.toString());
                out.put("msgOffsetInfo", found.msgOffsetInfo.toString());
                if (h.order()) {
                    out.put("orderCountInfo", found.orderCountInfo.toString());
                }
            }
        };
        return RemotingCommand.createResponse(code, remark, header);
    }

    // ---- ACK_MESSAGE and CHANGE_MESSAGE_INVISIBLETIME --------------------------------------------------------

    record AckRequest(String group, String topic, int queueId, String extraInfo, long offset, Long invisibleTime) {
        static AckRequest decode(ExtFields f) throws RemotingCommandException {
            return new AckRequest(f.requiredString("consumerGroup"), f.requiredString("topic"),
                f.requiredInt("queueId"), f.requiredString("extraInfo"), f.requiredLong("offset"),
                f.optionalLong("invisibleTime"));
        }
    }

    /** Why an ack or change names nothing this broker holds; null when it is sound. */
    private RemotingCommand refuse(AckRequest h, PopRecords.Handle handle, CommandHeader header) {
        TopicConfig topic = topics.select(h.topic());
        if (topic == null) {
            return RemotingCommand.createResponse(ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.topic()
                + "] not exist, apply first please!", header);
        }
        if (h.queueId() < 0 || h.queueId() >= topic.readQueueNums()) {
            return RemotingCommand.createResponse(ResponseCode.MESSAGE_ILLEGAL, String.format("queueId[%d] is illegal,"
                + " topic:[%s] topicConfig.readQueueNums:[%d]", h.queueId(), h.topic(), topic.readQueueNums()), header);
        }
        long min = store.getMinOffsetInQueue(h.topic(), h.queueId());
        long max = store.getMaxOffsetInQueue(h.topic(), h.queueId());
        if (h.offset() < min || h.offset() > max) {
            return RemotingCommand.createResponse(ResponseCode.NO_MESSAGE, String.format("offset is illegal, key:%s@%d,"
                + " commit:%d, store:%d~%d", h.topic(), h.queueId(), h.offset(), min, max), header);
        }
        if (handle == null || (handle.reviveQid() != PopRecords.ORDER_REVIVE_QUEUE
            && (handle.reviveQid() < 0 || handle.reviveQid() >= reviveQueueNums()))) {
            return RemotingCommand.createResponse(ResponseCode.MESSAGE_ILLEGAL, "extraInfo is not a receipt handle of"
                + " this broker: " + h.extraInfo(), header);
        }
        return null;
    }

    private static PopRecords.Handle handleOf(AckRequest h) {
        try {
            return PopRecords.Handle.parse(h.extraInfo());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private RemotingCommand ack(RemotingCommand request) throws Exception {
        AckRequest h = request.decodeHeader(AckRequest::decode);
        PopRecords.Handle handle = handleOf(h);
        RemotingCommand refused = refuse(h, handle, CommandHeader.EMPTY);
        if (refused != null) {
            return refused;
        }
        if (handle.reviveQid() == PopRecords.ORDER_REVIVE_QUEUE) {
            return ackOrderly(h.topic(), h.group(), h.queueId(), h.offset(), handle.popTime());
        }
        PopRecords.Ack ack = new PopRecords.Ack(h.offset(), handle.ckStartOffset(), h.group(), h.topic(), h.queueId(),
            handle.popTime(), handle.brokerName());
        PutMessageResult put = putRevive(ack.encode(), PopRecords.ACK_TAG, handle.reviveQid());
        return put.isOk() ? RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
            : RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "writing the ack failed: " + put.status());
    }

    /**
     * Settles one offset of an orderly batch: once every offset before it is acked too, the group's offset moves to
     * the first unacked one, and pops waiting on the topic look again when the queue is no longer blocked.
     */
    private RemotingCommand ackOrderly(String topic, String group, int queueId, long offset, long popTime) {
        synchronized (queueLock(topic, group, queueId)) {
            long committed = offsets.query(group, topic, queueId);
            if (offset < committed) {
                return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
            }
            long now = clock.millis();
            long next = orders.acked(topic, group, queueId, offset, popTime, now);
            if (next == -1) {
                return RemotingCommand.createResponse(ResponseCode.MESSAGE_ILLEGAL, String.format("offset is illegal,"
                    + " key:%s@%s@%d, old:%d, commit:%d, next:%d", topic, group, queueId, committed, offset, next));
            }
            if (next >= 0) {
                offsets.commit("pop", group, topic, queueId, next);
                if (!orders.blocked(topic, group, queueId, null, 0, now)) {
                    messageArriving(topic);
                }
            }
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }

    /**
     * BATCH_ACK_MESSAGE, as 5.3 serves it: each entry of the body names a check point (group, topic, retry flag,
     * queue, revive queue, start offset, pop time) and the acknowledged offsets as a bit set from the start offset
     * (base64 of {@code BitSet.toByteArray()}); every offset still in its queue gets an ack record. Entries naming
     * a queue this broker does not have are skipped; an empty body is NO_MESSAGE, anything else SUCCESS.
     */
    private RemotingCommand batchAck(RemotingCommand request) {
        JSONArray acks;
        String brokerName;
        try {
            JSONObject body = JsonBodies.parseObject(request.body(), BATCH_ACK);
            acks = body.getJSONArray("acks");
            brokerName = JsonBodies.string(body, "brokerName");
        } catch (IllegalArgumentException | ClassCastException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, BATCH_ACK + ": " + e.getMessage());
        }
        if (acks == null || acks.isEmpty()) {
            return RemotingCommand.createResponse(ResponseCode.NO_MESSAGE, null);
        }
        for (Object entry : acks) {
            if (!(entry instanceof JSONObject a)) {
                return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, BATCH_ACK + ": an ack is not an object");
            }
            try {
                ackAll(a, brokerName);
            } catch (IllegalArgumentException e) {
                return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, BATCH_ACK + ": " + e.getMessage());
            }
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }

    /** One entry of a batch ack: 5.3's short field names, its long ones accepted too. */
    private void ackAll(JSONObject a, String brokerName) {
        String group = either(a, "c", "consumerGroup");
        String topic = either(a, "t", "topic");
        String retry = either(a, "r", "retry");
        String bits = either(a, "b", "bitSet");
        if (group == null || topic == null) {
            throw new IllegalArgumentException("an ack without consumerGroup or topic");
        }
        long start = longEither(a, "so", "startOffset");
        int queueId = (int) longEither(a, "q", "queueId");
        int reviveQid = (int) longEither(a, "rq", "reviveQueueId");
        long popTime = longEither(a, "pt", "popTime");
        String real = PopRecords.topicOfRetryFlag(topic, group, retry == null ? "0" : retry);
        BitSet acked;
        try {
            acked = bits == null ? new BitSet() : BitSet.valueOf(Base64.getDecoder().decode(bits));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bitSet is not base64: " + e.getMessage(), e);
        }
        TopicConfig config = topics.select(real);
        boolean orderly = reviveQid == PopRecords.ORDER_REVIVE_QUEUE;
        if (config == null || queueId < 0 || queueId >= config.readQueueNums()
            || (!orderly && (reviveQid < 0 || reviveQid >= reviveQueueNums()))) {
            return;
        }
        long min = store.getMinOffsetInQueue(real, queueId);
        long max = store.getMaxOffsetInQueue(real, queueId);
        for (int i = acked.nextSetBit(0); i >= 0 && i < Integer.MAX_VALUE; i = acked.nextSetBit(i + 1)) {
            long offset = start + i;
            if (offset < min || offset > max) {
                continue;
            }
            if (orderly) {
                ackOrderly(real, group, queueId, offset, popTime);
                continue;
            }
            putRevive(new PopRecords.Ack(offset, start, group, real, queueId, popTime, brokerName).encode(),
                PopRecords.ACK_TAG, reviveQid);
        }
    }

    private static String either(JSONObject o, String shortName, String longName) {
        String v = JsonBodies.string(o, shortName);
        return v != null ? v : JsonBodies.string(o, longName);
    }

    private static long longEither(JSONObject o, String shortName, String longName) {
        return o.containsKey(shortName) ? JsonBodies.longOr(o, shortName, 0, BATCH_ACK)
            : JsonBodies.longOr(o, longName, 0, BATCH_ACK);
    }

    private RemotingCommand changeInvisibleTime(RemotingCommand request) throws Exception {
        AckRequest h = request.decodeHeader(AckRequest::decode);
        PopRecords.Handle handle = handleOf(h);
        long now = clock.millis();
        long invisibleTime = h.invisibleTime() == null ? 0 : h.invisibleTime();
        int reviveQid = handle == null ? 0 : handle.reviveQid();
        // The 5.x client reads this header before it looks at the code.
        CommandHeader header = out -> {
            out.put("popTime", Long.toString(now));
            out.put("invisibleTime", Long.toString(invisibleTime));
            out.put("reviveQid", Integer.toString(reviveQid));
        };
        RemotingCommand refused = refuse(h, handle, header);
        if (refused != null) {
            return refused;
        }
        if (h.invisibleTime() == null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "invisibleTime is missing", header);
        }
        if (handle.reviveQid() == PopRecords.ORDER_REVIVE_QUEUE) {
            return changeOrderlyInvisibleTime(h, handle, now, header);
        }
        PopRecords.CheckPoint ck = new PopRecords.CheckPoint(h.offset(), now, invisibleTime, h.topic(), h.group(),
            h.queueId(), List.of(0), handle.brokerName());
        PutMessageResult put = putRevive(ck.encode(), PopRecords.CK_TAG, reviveQid);
        if (!put.isOk()) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "writing the check point failed: "
                + put.status(), header);
        }
        PopRecords.Ack old = new PopRecords.Ack(h.offset(), handle.ckStartOffset(), h.group(), h.topic(),
            h.queueId(), handle.popTime(), handle.brokerName());
        put = putRevive(old.encode(), PopRecords.ACK_TAG, reviveQid);
        return put.isOk() ? RemotingCommand.createResponse(ResponseCode.SUCCESS, null, header)
            : RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "writing the ack failed: " + put.status(),
                header);
    }

    /**
     * An orderly message's invisible time, as 5.3 changes it: the batch keeps the message's new next visible time (no
     * check point, no ack); the answer gives the time from its pop. A message the group has already acked past is
     * left alone.
     */
    private RemotingCommand changeOrderlyInvisibleTime(AckRequest h, PopRecords.Handle handle, long now,
                                                      CommandHeader unchanged) {
        synchronized (queueLock(h.topic(), h.group(), h.queueId())) {
            if (h.offset() < offsets.query(h.group(), h.topic(), h.queueId())) {
                return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, unchanged);
            }
            long nextVisible = now + h.invisibleTime();
            orders.changeVisibleTime(h.topic(), h.group(), h.queueId(), h.offset(), handle.popTime(), nextVisible);
            CommandHeader header = out -> {
                out.put("popTime", Long.toString(handle.popTime()));
                out.put("invisibleTime", Long.toString(nextVisible - handle.popTime()));
                out.put("reviveQid", Integer.toString(PopRecords.ORDER_REVIVE_QUEUE));
            };
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, header);
        }
    }

    /**
     * Appends a check point or ack to the revive topic, creating the topic on first use. No keys: the records are
     * read back in order by the revive service, never looked up, so they cost the index nothing.
     */
    private PutMessageResult putRevive(byte[] body, String tag, int reviveQid) {
        topics.createIfAbsent(reviveTopic(), reviveQueueNums(), RW, 0);
        InnerMessage m = new InnerMessage(false);
        m.setTopic(reviveTopic());
        m.setQueueId(reviveQid);
        m.setBody(body);
        m.setTags(tag);
        long now = clock.millis();
        m.setBornTimestamp(now);
        m.setBornHost(storeHost);
        m.setStoreHost(storeHost);
        return m.putInto(store);
    }
}
