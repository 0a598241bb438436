package io.petrel.test5x;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.consumer.AckCallback;
import org.apache.rocketmq.client.consumer.AckResult;
import org.apache.rocketmq.client.consumer.PopCallback;
import org.apache.rocketmq.client.consumer.PopResult;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.common.constant.ConsumeInitMode;
import org.apache.rocketmq.remoting.protocol.header.AckMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.PopMessageRequestHeader;

/** Pops and acks through the 5.3.1 client's own asynchronous API, waited for. */
final class PopCalls {
    private PopCalls() {
    }

    /** The answer to one asynchronous pop or ack. */
    private static final class Answer implements PopCallback, AckCallback {
        private final CompletableFuture<Object> result = new CompletableFuture<>();

        @Override
        public void onSuccess(PopResult r) {
            result.complete(r);
        }

        @Override
        public void onSuccess(AckResult r) {
            result.complete(r);
        }

        @Override
        public void onException(Throwable e) {
            result.completeExceptionally(e);
        }

        Object get() throws Exception {
            return result.get(10, TimeUnit.SECONDS);
        }
    }

    /** A pop header of {@code group} on {@code topic}, new groups starting at the first message. */
    static PopMessageRequestHeader header(String topic, String group, int queueId, int max, long invisibleMs,
                                          long pollMs, boolean order) {
        PopMessageRequestHeader h = new PopMessageRequestHeader();
        h.setConsumerGroup(group);
        h.setTopic(topic);
        h.setQueueId(queueId);
        h.setMaxMsgNums(max);
        h.setInvisibleTime(invisibleMs);
        h.setPollTime(pollMs);
        h.setBornTime(System.currentTimeMillis());
        h.setInitMode(ConsumeInitMode.MIN);
        h.setOrder(order);
        return h;
    }

    static PopResult pop(MQClientAPIImpl api, String brokerName, String addr, PopMessageRequestHeader h)
        throws Exception {
        Answer answer = new Answer();
        api.popMessageAsync(brokerName, addr, h, 5000, answer);
        return (PopResult) answer.get();
    }

    /** ACK_MESSAGE of one popped message, by its receipt handle ({@code POP_CK}). */
    static AckResult ack(MQClientAPIImpl api, String addr, String topic, String group, int queueId, long offset,
                         String handle) throws Exception {
        AckMessageRequestHeader h = new AckMessageRequestHeader();
        h.setConsumerGroup(group);
        h.setTopic(topic);
        h.setQueueId(queueId);
        h.setOffset(offset);
        h.setExtraInfo(handle);
        Answer answer = new Answer();
        api.ackMessageAsync(addr, 5000, answer, h);
        return (AckResult) answer.get();
    }

    /** BATCH_ACK_MESSAGE of the given receipt handles. */
    static AckResult batchAck(MQClientAPIImpl api, String addr, String topic, String group, List<String> handles)
        throws Exception {
        Answer answer = new Answer();
        api.batchAckMessageAsync(addr, 5000, answer, topic, group, handles);
        return (AckResult) answer.get();
    }
}
