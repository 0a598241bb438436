package io.petrel.tools.monitor;

import io.petrel.common.body.ConsumerRunningInfo;
import java.util.Map;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each report with 4.9.7's texts ({@code [MONITOR] ...}), and with {@code [MONITOR]  [NOTIFY] ...} the clients of
 * a group that subscribe differently and the process queues that look stuck.
 */
public class DefaultMonitorListener implements MonitorListener {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMonitorListener.class);
    private static final String PREFIX = "[MONITOR] ";
    private static final String NOTIFY = PREFIX + " [NOTIFY] ";
    /** The property of a client's running info that names its group. */
    private static final String GROUP_PROPERTY = "consumerGroup";

    private final Logger log;

    public DefaultMonitorListener() {
        this(LOG);
    }

    /** A listener logging to {@code log}. */
    public DefaultMonitorListener(Logger log) {
        this.log = log;
    }

    @Override
    public void beginRound() {
        log.info(PREFIX + "=========================================beginRound");
    }

    @Override
    public void reportUndoneMsgs(UndoneMsgs undoneMsgs) {
        log.info(PREFIX + "reportUndoneMsgs: {}", undoneMsgs);
    }

    @Override
    public void reportFailedMsgs(FailedMsgs failedMsgs) {
        log.info(PREFIX + "reportFailedMsgs: {}", failedMsgs);
    }

    @Override
    public void reportDeleteMsgsEvent(DeleteMsgsEvent deleteMsgsEvent) {
        log.info(PREFIX + "reportDeleteMsgsEvent: {}", deleteMsgsEvent);
    }

    @Override
    public void reportConsumerRunningInfo(SortedMap<String, ConsumerRunningInfo> byClient) {
        if (byClient.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        String group = byClient.get(byClient.firstKey()).properties().get(GROUP_PROPERTY);
        if (!RunningInfoAnalysis.sameSubscriptions(byClient, now)) {
            log.info(NOTIFY + "reportConsumerRunningInfo: ConsumerGroup: {}, Subscription different", group);
        }
        for (Map.Entry<String, ConsumerRunningInfo> e : byClient.entrySet()) {
            String problems = RunningInfoAnalysis.processQueueProblems(e.getKey(), e.getValue(), now);
            if (!problems.isEmpty()) {
                log.info(NOTIFY + "reportConsumerRunningInfo: ConsumerGroup: {}, ClientId: {}, {}", group, e.getKey(),
                    problems);
            }
        }
    }

    @Override
    public void endRound() {
        log.info(PREFIX + "=========================================endRound");
    }
}
