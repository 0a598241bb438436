package io.petrel.tools.command.offset;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.client.admin.RollbackStats;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.message.MessageQueue;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The two ways 4.9.7's tools move a group's offsets to a time, and the tables they print: through the group's online
 * consumers (the new offset of each queue), or, when none is online, by the tool on each broker (each queue's broker,
 * consumer, found and new offsets).
 */
final class OffsetResets {
    private OffsetResets() {
    }

    /** What one reset did: the offsets the consumers took, or, with the group offline, the per-queue reset. */
    record Outcome(Map<MessageQueue, Long> online, List<RollbackStats> offline) {
    }

    static Outcome reset(MQAdminExt admin, String topic, String group, long timestamp, boolean force, boolean cpp)
        throws Exception {
        try {
            return new Outcome(admin.resetOffsetByTimestamp(topic, group, timestamp, force, cpp), null);
        } catch (MQClientException e) {
            if (e.getResponseCode() != ResponseCode.CONSUMER_NOT_ONLINE) {
                throw e;
            }
            return new Outcome(null, admin.resetOffsetByTimestampOld(group, topic, timestamp, force));
        }
    }

    static void printOnline(Map<MessageQueue, Long> offsets, PrintStream out) {
        out.printf("%-40s  %-40s  %-40s%n", "#brokerName", "#queueId", "#offset");
        for (Map.Entry<MessageQueue, Long> e : offsets.entrySet()) {
            out.printf("%-40s  %-40d  %-40d%n", Texts.atMost(e.getKey().brokerName(), 32), e.getKey().queueId(),
                e.getValue());
        }
    }

    static void printOffline(List<RollbackStats> stats, PrintStream out) {
        out.printf("%-20s  %-20s  %-20s  %-20s  %-20s  %-20s%n", "#brokerName", "#queueId", "#brokerOffset",
            "#consumerOffset", "#timestampOffset", "#rollbackOffset");
        for (RollbackStats s : stats) {
            out.printf("%-20s  %-20d  %-20d  %-20d  %-20d  %-20d%n", Texts.atMost(s.brokerName(), 32), s.queueId(),
                s.brokerOffset(), s.consumerOffset(), s.timestampOffset(), s.rollbackOffset());
        }
    }

    /** The {@code -f} option: force unless {@code false} is given. */
    static boolean force(String value) {
        return value == null || Boolean.parseBoolean(value.trim());
    }
}
