package io.petrel.tools.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the body of a message of the trace topic ({@code RMQ_SYS_TRACE_TOPIC}) as RocketMQ 4.9.7 clients write it:
 * records ended by the character 2, their fields separated by the character 1, the first field naming the
 * {@link TraceType}. Records of other types are skipped; a record with too few fields or a field that does not read
 * is refused.
 *
 * <p>The fields of each type, in order:
 * <ul>
 *   <li>{@code Pub}: time, region, group, topic, msgId, tags, keys, storeHost, bodyLength, costTime, msgType
 *   ordinal; then either success, or offsetMsgId and success; a 15th field is the client host.</li>
 *   <li>{@code SubBefore}: time, region, group, requestId, msgId, retryTimes, keys.</li>
 *   <li>{@code SubAfter}: requestId, msgId, costTime, success, keys; then the context code, then time and group
 *   (older clients stop earlier).</li>
 *   <li>{@code EndTransaction}: time, region, group, topic, msgId, tags, keys, storeHost, msgType ordinal,
 *   transactionId, transaction state, whether from a transaction check.</li>
 * </ul>
 */
public final class TraceDataDecoder {
    /** Ends each record. */
    public static final char RECORD_END = (char) 2;
    /** Separates the fields of a record. */
    public static final char FIELD_SEPARATOR = (char) 1;

    private static final Pattern RECORDS = Pattern.compile(Pattern.quote(String.valueOf(RECORD_END)));
    private static final Pattern FIELDS = Pattern.compile(Pattern.quote(String.valueOf(FIELD_SEPARATOR)));
    /** The message kinds by the ordinal the records carry. */
    private static final List<String> MESSAGE_TYPES = List.of("Normal_Msg", "Trans_Msg_Half", "Trans_msg_Commit",
        "Delay_Msg");
    private static final Set<String> TRANSACTION_STATES = Set.of("COMMIT_MESSAGE", "ROLLBACK_MESSAGE", "UNKNOW");

    private TraceDataDecoder() {
    }

    /**
     * The records of one trace message body, in the order written.
     *
     * @param now the time given to records that do not carry theirs
     * @throws IllegalArgumentException when a record of a known type does not read
     */
    public static List<TraceRecord> decode(String data, long now) {
        List<TraceRecord> records = new ArrayList<>();
        if (data == null || data.isEmpty()) {
            return records;
        }
        for (String text : RECORDS.split(data)) {
            String[] f = FIELDS.split(text);
            TraceRecord r = switch (f[0]) {
                case "Pub" -> pub(f);
                case "SubBefore" -> subBefore(f);
                case "SubAfter" -> subAfter(f, now);
                case "EndTransaction" -> endTransaction(f);
                default -> null;
            };
            if (r != null) {
                records.add(r);
            }
        }
        return records;
    }

    private static TraceRecord pub(String[] f) {
        need(f, 12);
        String offsetMsgId = f.length >= 14 ? f[12] : "";
        boolean success = f.length == 13 ? bool(f[12]) : f.length < 14 || bool(f[13]);
        String clientHost = f.length >= 15 ? f[14] : "";
        return new TraceRecord(TraceType.Pub, number(f, 1), f[2], f[3], "", f[4], f[5], f[6], f[7], f[8],
            (int) number(f, 9), (int) number(f, 10), messageType(f, 11), offsetMsgId, success, clientHost, 0, 0, "",
            "", false);
    }

    private static TraceRecord subBefore(String[] f) {
        need(f, 8);
        return new TraceRecord(TraceType.SubBefore, number(f, 1), f[2], f[3], f[4], "", f[5], "", f[7], "", 0, 0,
            "", "", true, "", (int) number(f, 6), 0, "", "", false);
    }

    private static TraceRecord subAfter(String[] f, long now) {
        need(f, 6);
        int contextCode = f.length >= 7 ? (int) number(f, 6) : 0;
        long timestamp = f.length >= 9 ? number(f, 7) : now;
        String group = f.length >= 9 ? f[8] : "";
        return new TraceRecord(TraceType.SubAfter, timestamp, "", group, f[1], "", f[2], "", f[5], "", 0,
            (int) number(f, 3), "", "", bool(f[4]), "", 0, contextCode, "", "", false);
    }

    private static TraceRecord endTransaction(String[] f) {
        need(f, 13);
        if (!TRANSACTION_STATES.contains(f[11])) {
            throw new IllegalArgumentException("trace record EndTransaction: no transaction state '" + f[11] + "'");
        }
        return new TraceRecord(TraceType.EndTransaction, number(f, 1), f[2], f[3], "", f[4], f[5], f[6], f[7], f[8],
            0, 0, messageType(f, 9), "", true, "", 0, 0, f[10], f[11], bool(f[12]));
    }

    private static void need(String[] f, int fields) {
        if (f.length < fields) {
            throw new IllegalArgumentException("trace record " + f[0] + " has " + f.length + " fields, wants at least "
                + fields);
        }
    }

    /** As Boolean.parseBoolean: "true" in any case is true, anything else false. */
    private static boolean bool(String s) {
        return Boolean.parseBoolean(s);
    }

    private static long number(String[] f, int i) {
        try {
            return Long.parseLong(f[i]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("trace record " + f[0] + ": field " + i + " is not a number: '" + f[i]
                + "'");
        }
    }

    private static String messageType(String[] f, int i) {
        long ordinal = number(f, i);
        if (ordinal < 0 || ordinal >= MESSAGE_TYPES.size()) {
            throw new IllegalArgumentException("trace record " + f[0] + ": no message type " + ordinal);
        }
        return MESSAGE_TYPES.get((int) ordinal);
    }
}
