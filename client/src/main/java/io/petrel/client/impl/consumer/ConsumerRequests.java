package io.petrel.client.impl.consumer;

import io.netty.channel.Channel;
import io.petrel.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.petrel.client.consumer.listener.ConsumeOrderlyContext;
import io.petrel.client.consumer.listener.ConsumeOrderlyStatus;
import io.petrel.client.impl.ClientMessages;
import io.petrel.client.impl.MQClientInstance;
import io.petrel.client.impl.MQConsumerInner;
import io.petrel.common.body.CMResult;
import io.petrel.common.body.ConsumeMessageDirectlyResult;
import io.petrel.common.body.ConsumerRunningInfo;
import io.petrel.common.body.GetConsumerStatusBody;
import io.petrel.common.body.ProcessQueueInfo;
import io.petrel.common.body.ResetOffsetBody;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.remoting.RequestProcessor;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import io.petrel.remoting.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.petrel.remoting.protocol.header.GetConsumerStatusRequestHeader;
import io.petrel.remoting.protocol.header.ResetOffsetRequestHeader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What brokers (on behalf of admin tools) ask of a push consumer: its running state, to consume one message now,
 * to reset its offsets, and its offsets on a topic.
 */
final class ConsumerRequests implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerRequests.class);

    private final MQClientInstance instance;

    private ConsumerRequests(MQClientInstance instance) {
        this.instance = instance;
    }

    static void register(MQClientInstance instance) {
        ConsumerRequests handler = new ConsumerRequests(instance);
        instance.getRemotingProcessor().addHandler(RequestCode.GET_CONSUMER_RUNNING_INFO, handler);
        instance.getRemotingProcessor().addHandler(RequestCode.CONSUME_MESSAGE_DIRECTLY, handler);
        instance.getRemotingProcessor().addHandler(RequestCode.RESET_CONSUMER_CLIENT_OFFSET, handler);
        instance.getRemotingProcessor().addHandler(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, handler);
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.code()) {
            case RequestCode.GET_CONSUMER_RUNNING_INFO -> runningInfo(request);
            case RequestCode.CONSUME_MESSAGE_DIRECTLY -> consumeDirectly(request);
            case RequestCode.RESET_CONSUMER_CLIENT_OFFSET -> resetOffset(request);
            case RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT -> consumerStatus(request);
            default -> RemotingCommand.unsupported(request);
        };
    }

    private DefaultMQPushConsumerImpl pushConsumer(String group) {
        MQConsumerInner c = group == null ? null : instance.selectConsumer(group);
        return c instanceof DefaultMQPushConsumerImpl push ? push : null;
    }

    private RemotingCommand runningInfo(RemotingCommand request) throws Exception {
        GetConsumerRunningInfoRequestHeader h = request.decodeHeader(GetConsumerRunningInfoRequestHeader::decode);
        DefaultMQPushConsumerImpl c = pushConsumer(h.consumerGroup());
        if (c == null) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                "The Consumer Group <" + h.consumerGroup() + "> not exist in this consumer");
        }
        String jstack = Boolean.TRUE.equals(h.jstackEnable()) ? threadDump() : null;
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(runningInfo(c, jstack).encode());
    }

    static ConsumerRunningInfo runningInfo(DefaultMQPushConsumerImpl c, String jstack) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(ConsumerRunningInfo.PROP_NAMESERVER_ADDR, String.valueOf(c.consumer().getNamesrvAddr()));
        props.put(ConsumerRunningInfo.PROP_CONSUME_TYPE, c.consumeType().name());
        props.put(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, Boolean.toString(c.isConsumeOrderly()));
        props.put(ConsumerRunningInfo.PROP_THREADPOOL_CORE_SIZE,
            Integer.toString(c.consumeMessageService().getCorePoolSize()));
        props.put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, Long.toString(c.getConsumerStartTimestamp()));
        props.put("consumerGroup", c.consumer().getConsumerGroup());
        props.put("messageModel", c.consumer().getMessageModel().name());
        props.put("consumeFromWhere", c.consumer().getConsumeFromWhere().name());
        Map<MessageQueue, ProcessQueueInfo> mqTable = new LinkedHashMap<>();
        c.rebalance().getProcessQueueTable().forEach((mq, pq) -> mqTable.put(mq, new ProcessQueueInfo(
            c.getOffsetStore().readOffset(mq, io.petrel.client.consumer.store.ReadOffsetType.MEMORY_FIRST_THEN_STORE),
            pq.firstOffset(), pq.lastOffset(), (int) pq.getMsgCount().get(),
            (int) (pq.getMsgSize().get() / (1024 * 1024)), 0, 0, 0, pq.isLocked(), 0, pq.getLastLockTimestamp(),
            pq.isDropped(), pq.getLastPullTimestamp(), pq.getLastConsumeTimestamp())));
        return new ConsumerRunningInfo(props, c.subscriptions(), mqTable, c.stats().status(), jstack);
    }

    private static String threadDump() {
        StringBuilder sb = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            sb.append(t.getName()).append(" ").append(t.getState()).append('\n');
            for (StackTraceElement e : stack) {
                sb.append("\tat ").append(e).append('\n');
            }
            sb.append('\n');
        });
        return sb.toString();
    }

    /**
     * Consumes the message the broker relayed (the stored record, with the broker's name in the header) with this
     * client's listener, and answers how that went.
     */
    private RemotingCommand consumeDirectly(RemotingCommand request) throws Exception {
        ConsumeMessageDirectlyResultRequestHeader h =
            request.decodeHeader(ConsumeMessageDirectlyResultRequestHeader::decode);
        DefaultMQPushConsumerImpl c = pushConsumer(h.consumerGroup());
        List<MessageExt> msgs = ClientMessages.decode(request.body());
        if (c == null || msgs.isEmpty()) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR,
                "The Consumer Group <" + h.consumerGroup() + "> not exist in this consumer or no message given");
        }
        MessageExt msg = msgs.get(0);
        MessageQueue mq = new MessageQueue(msg.getTopic(), h.brokerName(), msg.getQueueId());
        ConsumeOrderlyContext orderlyContext = new ConsumeOrderlyContext(mq);
        long begin = System.currentTimeMillis();
        CMResult result;
        String remark = null;
        try {
            result = c.consumeMessageService() instanceof ConsumeMessageOrderlyService orderly
                ? orderlyResult(orderly.consumeDirectly(msg, orderlyContext))
                : concurrentResult(((ConsumeMessageConcurrentlyService) c.consumeMessageService())
                    .consumeDirectly(msg, mq));
        } catch (Throwable e) {
            LOG.warn("direct consumption of {} threw", msg.getMsgId(), e);
            result = CMResult.CR_THROW_EXCEPTION;
            remark = e.toString();
        }
        boolean autoCommit = !c.isConsumeOrderly() || orderlyContext.isAutoCommit();
        ConsumeMessageDirectlyResult body = new ConsumeMessageDirectlyResult(c.isConsumeOrderly(), autoCommit, result,
            remark, System.currentTimeMillis() - begin);
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(body.encode());
    }

    /** This client's offsets on a topic (GET_CONSUMER_STATUS_FROM_CLIENT); empty for a group it does not run. */
    private RemotingCommand consumerStatus(RemotingCommand request) throws Exception {
        GetConsumerStatusRequestHeader h = request.decodeHeader(GetConsumerStatusRequestHeader::decode);
        DefaultMQPushConsumerImpl c = pushConsumer(h.group());
        Map<MessageQueue, Long> offsets = c == null ? Map.of() : c.getOffsetStore().cloneOffsetTable(h.topic());
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
            .body(new GetConsumerStatusBody(offsets, Map.of()).encode());
    }

    private static CMResult concurrentResult(ConsumeConcurrentlyStatus s) {
        if (s == null) {
            return CMResult.CR_RETURN_NULL;
        }
        return s == ConsumeConcurrentlyStatus.CONSUME_SUCCESS ? CMResult.CR_SUCCESS : CMResult.CR_LATER;
    }

    private static CMResult orderlyResult(ConsumeOrderlyStatus s) {
        if (s == null) {
            return CMResult.CR_RETURN_NULL;
        }
        return switch (s) {
            case SUCCESS -> CMResult.CR_SUCCESS;
            case COMMIT -> CMResult.CR_COMMIT;
            case ROLLBACK -> CMResult.CR_ROLLBACK;
            case SUSPEND_CURRENT_QUEUE_A_MOMENT -> CMResult.CR_LATER;
        };
    }

    /** Moves this client's queues of the topic to the given offsets (the broker computed them from a time). */
    private RemotingCommand resetOffset(RemotingCommand request) throws Exception {
        ResetOffsetRequestHeader h = request.decodeHeader(ResetOffsetRequestHeader::decode);
        DefaultMQPushConsumerImpl c = pushConsumer(h.group());
        if (c != null && request.body() != null) {
            Map<MessageQueue, Long> offsets = ResetOffsetBody.decode(request.body()).offsetTable();
            c.resetOffsets(h.topic(), offsets);
        }
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    }
}
