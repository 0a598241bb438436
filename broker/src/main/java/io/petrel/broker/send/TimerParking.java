package io.petrel.broker.send;

import io.petrel.broker.config.BrokerConfig;
import io.petrel.broker.schedule.TimerMessageService;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.topic.PermName;
import io.petrel.remoting.protocol.ResponseCode;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongToIntFunction;
import java.util.function.Supplier;

/**
 * Where a send or a transaction commit meets 5.x timer messages: a message due later is parked (see
 * {@link MessageRewrites#toTimerMessage}) under the broker's {@code timerWheelEnable}, {@code timerMaxDelaySec} and
 * {@code timerPrecisionMs}, the timer topic created on first use.
 *
 * <p>Flow control per delivery time, 5.3's {@code timerCongestNumEachSlot} (unlimited by default): with more than
 * that many records parked for the message's delivery time, a share of the new ones is refused (SYSTEM_ERROR with
 * 5.3's remark), growing from none at the limit to all at twice the limit. (5.3's draw refuses nearly all just past
 * the limit and fewer as the time fills up, which throttles the least where the congestion is worst.)
 * Thread-safe.
 */
public final class TimerParking {
    /** Why a timer message is refused: the answer's code and remark. */
    public record Refusal(int code, String remark) {
    }

    private final Supplier<BrokerConfig> config;
    private final TopicConfigManager topics;
    private final Clock clock;
    private final LongToIntFunction parkedAt;
    private final DoubleSupplier draw;

    /**
     * @param parkedAt records parked for a delivery time ({@link TimerMessageService#parkedAt})
     */
    public TimerParking(Supplier<BrokerConfig> config, TopicConfigManager topics, Clock clock,
                        LongToIntFunction parkedAt) {
        this(config, topics, clock, parkedAt, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param draw uniform draws in [0, 1) for the flow control */
    TimerParking(Supplier<BrokerConfig> config, TopicConfigManager topics, Clock clock, LongToIntFunction parkedAt,
                 DoubleSupplier draw) {
        this.config = config;
        this.topics = topics;
        this.clock = clock;
        this.parkedAt = parkedAt;
        this.draw = draw;
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
            if (congested(msg, c.getTimerCongestNumEachSlot())) {
                long limit = c.getTimerCongestNumEachSlot();
                return new Refusal(ResponseCode.SYSTEM_ERROR, String.format("timer message is under flow control, "
                    + "max num limit is %d or the current value is greater than %d and less than %d, trigger random "
                    + "flow control", limit * 2, limit, limit * 2));
            }
            topics.createIfAbsent(TimerMessageService.TIMER_TOPIC, 1, PermName.PERM_READ | PermName.PERM_WRITE, 0);
        }
        return null;
    }

    private boolean congested(MessageExt parked, int limit) {
        if (limit == Integer.MAX_VALUE) {
            return false;
        }
        long parkedThen = parkedAt.applyAsInt(Long.parseLong(parked.getProperty(MessageProperties.TIMER_OUT_MS)));
        if (parkedThen <= limit) {
            return false;
        }
        return parkedThen >= 2L * limit || draw.getAsDouble() < (double) (parkedThen - limit) / limit;
    }
}
