package io.petrel.tools.command;

import io.petrel.common.subscription.SubscriptionGroupConfig;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The text forms 4.9.7's tools print for configs, times and padded columns, which scripts parse. */
public final class Texts {
    private static final DateTimeFormatter MILLIS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final DateTimeFormatter SECONDS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The time form 4.9.7's options take besides epoch milliseconds. */
    private static final DateTimeFormatter OPTION_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'#'HH:mm:ss:SSS");

    private Texts() {
    }

    public static String groupConfig(SubscriptionGroupConfig c) {
        return "SubscriptionGroupConfig [groupName=" + c.groupName() + ", consumeEnable=" + c.consumeEnable()
            + ", consumeFromMinEnable=" + c.consumeFromMinEnable() + ", consumeBroadcastEnable="
            + c.consumeBroadcastEnable() + ", retryQueueNums=" + c.retryQueueNums() + ", retryMaxTimes="
            + c.retryMaxTimes() + ", brokerId=" + c.brokerId() + ", whichBrokerWhenConsumeSlowly="
            + c.whichBrokerWhenConsumeSlowly() + ", notifyConsumerIdsChangedEnable="
            + c.notifyConsumerIdsChangedEnable() + "]";
    }

    /** {@code s} cut to at most {@code size} characters (the columns pad, this keeps them from overflowing). */
    public static String atMost(String s, int size) {
        return s != null && s.length() > size ? s.substring(0, size) : s;
    }

    /** A time in this machine's zone, to the millisecond: {@code 2024-01-31 12:00:00,123}. */
    public static String millisTime(long epochMillis) {
        return MILLIS_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
    }

    /** A time in this machine's zone, to the second: {@code 2024-01-31 12:00:00}. */
    public static String secondsTime(long epochMillis) {
        return SECONDS_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
    }

    /** A time given as epoch milliseconds or as {@code yyyy-MM-dd#HH:mm:ss:SSS} in this machine's zone. */
    public static long timeOption(String name, String value) throws CommandException {
        String v = value.trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException notMillis) {
            try {
                return LocalDateTime.parse(v, OPTION_TIME).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new CommandException("option " + name + " wants milliseconds or yyyy-MM-dd#HH:mm:ss:SSS, not '"
                    + value + "'");
            }
        }
    }

    public static int intOption(String name, String value) throws CommandException {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandException("option " + name + " wants a number, not '" + value + "'");
        }
    }

    public static long longOption(String name, String value) throws CommandException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandException("option " + name + " wants a number, not '" + value + "'");
        }
    }
}
