package io.petrel.tools.monitor;

import io.petrel.common.body.ConsumerRunningInfo;
import java.util.SortedMap;

/**
 * Receives what {@link MonitorService} finds. A round calls {@link #beginRound()}, then per consumer group (a group
 * is found by its retry topic) {@link #reportUndoneMsgs} and {@link #reportFailedMsgs} per topic and
 * {@link #reportConsumerRunningInfo} once, then {@link #endRound()}. {@link #reportDeleteMsgsEvent} comes at any
 * time, from another thread, as brokers publish the events.
 */
public interface MonitorListener {
    void beginRound();

    void reportUndoneMsgs(UndoneMsgs undoneMsgs);

    /** Only for a topic with failures in the last hour. */
    void reportFailedMsgs(FailedMsgs failedMsgs);

    void reportDeleteMsgsEvent(DeleteMsgsEvent deleteMsgsEvent);

    /** The running info of each client of one group that answered, by client id. */
    void reportConsumerRunningInfo(SortedMap<String, ConsumerRunningInfo> byClient);

    void endRound();
}
