package io.petrel.broker.send;

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
        String delay = properties.get(MessageProperties.DELAY);
        return Boolean.parseBoolean(properties.get(MessageProperties.TRAN_MSG))
            || delay != null && delay.matches("[1-9]\\d{0,8}");
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
