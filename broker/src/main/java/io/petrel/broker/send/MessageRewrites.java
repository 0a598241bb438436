package io.petrel.broker.send;

import io.petrel.broker.schedule.TimerMessageService;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageSysFlag;
import io.petrel.common.topic.TopicValidator;

/** Records a broker stores in place of what was sent (delayed messages are rewritten by the store itself). */
public final class MessageRewrites {
    private MessageRewrites() {
    }

    /**
     * Whether a sent message is stored as a rewritten record (a half message, or a delayed one parked in
     * {@code SCHEDULE_TOPIC_XXXX}). Such records carry the client's {@code WAIT=true}, which plain sends omit.
     */
    public static boolean isRewritten(java.util.Map<String, String> properties) {
        return Boolean.parseBoolean(properties.get(MessageProperties.TRAN_MSG))
            || isDelayLevel(properties.get(MessageProperties.DELAY));
    }

    private static boolean isDelayLevel(String delay) {
        return delay != null && delay.matches("[1-9]\\d{0,8}");
    }

    /** Whether a message asks for a 5.x timer: a delivery time or a delay in seconds or milliseconds. */
    public static boolean isTimer(MessageExt msg) {
        return msg.getProperty(MessageProperties.TIMER_DELIVER_MS) != null
            || msg.getProperty(MessageProperties.TIMER_DELAY_SEC) != null
            || msg.getProperty(MessageProperties.TIMER_DELAY_MS) != null;
    }

    /**
     * A 5.x timer message due later is parked as 5.3 parks it: queue 0 of {@code rmq_sys_wheel_timer}, its delivery
     * time (rounded down to {@code precisionMs}, one step earlier when exact) in {@code TIMER_OUT_MS}, its topic and
     * queue in {@code REAL_TOPIC} / {@code REAL_QID}. A message with a delay level keeps the level and loses the timer
     * properties; one already due is stored as it is. Returns null when the message may be stored, else the remark
     * of a MESSAGE_ILLEGAL answer (an unreadable time, a delay beyond {@code maxDelayMs}, or a cancellation, one
     * with {@code TIMER_DEL_UNIQKEY}, whose time has come: it is parked like the message it cancels, see
     * {@link TimerMessageService}).
     */
    public static String toTimerMessage(MessageExt msg, long now, long maxDelayMs, int precisionMs) {
        String sec = msg.getProperty(MessageProperties.TIMER_DELAY_SEC);
        String ms = msg.getProperty(MessageProperties.TIMER_DELAY_MS);
        String at = msg.getProperty(MessageProperties.TIMER_DELIVER_MS);
        if (!isTimer(msg) || msg.getProperty(MessageProperties.TIMER_OUT_MS) != null) {
            return null;
        }
        if (isDelayLevel(msg.getProperty(MessageProperties.DELAY))) {
            msg.removeProperty(MessageProperties.TIMER_DELAY_SEC);
            msg.removeProperty(MessageProperties.TIMER_DELAY_MS);
            msg.removeProperty(MessageProperties.TIMER_DELIVER_MS);
            return null;
        }
        String illegal = String.format("timer message illegal, the delay time should not be bigger than the max delay"
            + " %dms; or if set del msg, the delay time should be bigger than the current time", maxDelayMs);
        long deliverMs;
        try {
            deliverMs = sec != null ? now + Long.parseLong(sec) * 1000
                : ms != null ? now + Long.parseLong(ms) : Long.parseLong(at);
        } catch (NumberFormatException e) {
            return illegal;
        }
        if (deliverMs <= now) {
            // a cancellation (TIMER_DEL_UNIQKEY) must be parked for the time of the message it cancels
            return msg.getProperty(MessageProperties.TIMER_DEL_UNIQKEY) != null ? illegal : null;
        }
        if (deliverMs - now > maxDelayMs) {
            return illegal;
        }
        deliverMs = deliverMs % precisionMs == 0 ? deliverMs - precisionMs : deliverMs / precisionMs * precisionMs;
        msg.putProperty(MessageProperties.TIMER_OUT_MS, Long.toString(deliverMs));
        msg.putProperty(MessageProperties.REAL_TOPIC, msg.getTopic());
        msg.putProperty(MessageProperties.REAL_QID, Integer.toString(msg.getQueueId()));
        msg.setTopic(TimerMessageService.TIMER_TOPIC);
        msg.setQueueId(0);
        return null;
    }

    /**
     * A prepared transactional message is stored as a half message: queue 0 of {@code RMQ_SYS_TRANS_HALF_TOPIC},
     * transaction bits cleared, real topic and queue kept in properties.
     */
    public static void toHalfMessage(MessageExt msg) {
        msg.putProperty(MessageProperties.REAL_TOPIC, msg.getTopic());
        msg.putProperty(MessageProperties.REAL_QID, Integer.toString(msg.getQueueId()));
        msg.setSysFlag(MessageSysFlag.resetTransactionType(msg.getSysFlag(), MessageSysFlag.TRANSACTION_NOT_TYPE));
        msg.setTopic(TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC);
        msg.setQueueId(0);
    }
}
