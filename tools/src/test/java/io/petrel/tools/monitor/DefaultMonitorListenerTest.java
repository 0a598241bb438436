package io.petrel.tools.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.petrel.common.body.ConsumerRunningInfo;
import io.petrel.common.body.ProcessQueueInfo;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DefaultMonitorListenerTest {
    private static ConsumerRunningInfo client(String sub, Map<MessageQueue, ProcessQueueInfo> queues) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("consumerGroup", "G");
        props.put(ConsumerRunningInfo.PROP_CONSUME_TYPE, "CONSUME_PASSIVELY");
        props.put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, "1");
        return new ConsumerRunningInfo(props, Set.of(SubscriptionData.ofTags("T", sub, 1)), queues, Map.of(), null);
    }

    @Test
    void logsEachReportWithTheTextsOf497() {
        Logger log = new LoggerContext().getLogger("monitor-test");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        DefaultMonitorListener listener = new DefaultMonitorListener(log);
        MessageQueue mq = new MessageQueue("T", "b", 0);
        // Messages waiting and nothing consumed since 1970: blocked.
        ProcessQueueInfo stuck = new ProcessQueueInfo(0, 0, 0, 2, 0, 0, 0, 0, false, 0, 0, false, 0, 0);
        TreeMap<String, ConsumerRunningInfo> infos = new TreeMap<>();
        infos.put("c1", client("a", Map.of(mq, stuck)));
        infos.put("c2", client("b", Map.of()));

        listener.beginRound();
        listener.reportUndoneMsgs(new UndoneMsgs("G", "T", 3, 2, 10));
        listener.reportFailedMsgs(new FailedMsgs("G", "T", 1));
        listener.reportConsumerRunningInfo(infos);
        listener.reportDeleteMsgsEvent(new DeleteMsgsEvent(new OffsetMovedEvent("G", mq, 9, 4), 5));
        listener.endRound();

        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
            .map(m -> m.replaceAll("\\d+ms", "@MS@")).toList();
        assertEquals(List.of(
            "[MONITOR] =========================================beginRound",
            "[MONITOR] reportUndoneMsgs: UndoneMsgs [consumerGroup=G, topic=T, undoneMsgsTotal=3, "
                + "undoneMsgsSingleMQ=2, undoneMsgsDelayTimeMills=10]",
            "[MONITOR] reportFailedMsgs: FailedMsgs [consumerGroup=G, topic=T, failedMsgsTotalRecently=1]",
            "[MONITOR]  [NOTIFY] reportConsumerRunningInfo: ConsumerGroup: G, Subscription different",
            "[MONITOR]  [NOTIFY] reportConsumerRunningInfo: ConsumerGroup: G, ClientId: c1, c1 MessageQueue "
                + "[topic=T, brokerName=b, queueId=0] can't consume for a while, maybe blocked, @MS@"
                + System.lineSeparator(),
            "[MONITOR] reportDeleteMsgsEvent: DeleteMsgsEvent [offsetMovedEvent=OffsetMovedEvent [consumerGroup=G, "
                + "messageQueue=MessageQueue [topic=T, brokerName=b, queueId=0], offsetRequest=9, offsetNew=4], "
                + "eventTimestamp=5]",
            "[MONITOR] =========================================endRound"), lines);
    }
}
