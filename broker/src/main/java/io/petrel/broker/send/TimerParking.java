package io.petrel.broker.send;

import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.schedule.TimerMessageService;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.message.MessageExt;
import io.petrel.common.topic.PermName;
import io.petrel.remoting.protocol.ResponseCode;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Where a send or a transaction commit meets 5.x timer messages: a message due later is parked (see
 * {@link MessageRewrites#toTimerMessage}) under the broker's {@code timerWheelEnable}, {@code timerMaxDelaySec} and
 * {@code timerPrecisionMs}, the timer topic created on first use. Thread-safe.
 */
public final class TimerParking {
    /** Why a timer message is refused: the answer's code and remark. */
    public record Refusal(int code, String remark) {
    }

    private final Supplier<BrokerConfig> config;
    private final TopicConfigManager topics;
    private final Clock clock;

    public TimerParking(Supplier<BrokerConfig> config, TopicConfigManager topics, Clock clock) {
        this.config = config;
        this.topics = topics;
        this.clock = clock;
    }

    /** Parks {@code msg} when it is a timer message due later; the refusal, or null when it may be stored. */
    public Refusal park(MessageExt msg) {
        if (!MessageRewrites.isTimer(msg)) {
            return null;
        }
        BrokerConfig c = config.get();
        if (!c.isTimerWheelEnable()) {
            return new Refusal(ResponseCode.SYSTEM_ERROR,
                "accurate timer message is not enabled, timerWheelEnable is false");
        }
        String illegal = MessageRewrites.toTimerMessage(msg, clock.millis(), c.getTimerMaxDelaySec() * 1000L,
            c.getTimerPrecisionMs());
        if (illegal != null) {
            return new Refusal(ResponseCode.MESSAGE_ILLEGAL, illegal);
        }
        if (TimerMessageService.TIMER_TOPIC.equals(msg.getTopic())) {
            topics.createIfAbsent(TimerMessageService.TIMER_TOPIC, 1, PermName.PERM_READ | PermName.PERM_WRITE, 0);
        }
        return null;
    }
}
