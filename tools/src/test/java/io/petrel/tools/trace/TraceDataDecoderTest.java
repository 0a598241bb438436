package io.petrel.tools.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceDataDecoderTest {
    private static String record(String... fields) {
        return String.join(String.valueOf(TraceDataDecoder.FIELD_SEPARATOR), fields) + TraceDataDecoder.RECORD_END;
    }

    @Test
    void readsASendInEachOfItsLengths() {
        String[] base = {"Pub", "1700000000000", "DefaultRegion", "PG", "T", "ID1", "TagA", "k1", "10.0.0.1:10911",
            "12", "3", "0"};
        TraceRecord oldest = TraceDataDecoder.decode(record(base), 0).get(0);
        assertTrue(oldest.success());
        assertEquals("", oldest.offsetMsgId());
        TraceRecord thirteen = TraceDataDecoder.decode(record(concat(base, "false")), 0).get(0);
        assertFalse(thirteen.success());
        TraceRecord current = TraceDataDecoder.decode(record(concat(base, "OFFSET", "true")), 0).get(0);
        assertEquals("OFFSET", current.offsetMsgId());
        assertTrue(current.success());
        TraceRecord withHost = TraceDataDecoder.decode(record(concat(base, "OFFSET", "false", "10.0.0.9")), 0).get(0);
        assertEquals("10.0.0.9", withHost.clientHost());
        assertFalse(withHost.success());
        assertEquals(List.of(TraceType.Pub, 1700000000000L, "PG", "T", "ID1", "TagA", "k1", "10.0.0.1:10911", 12, 3,
            "Normal_Msg"), List.of(withHost.type(), withHost.timestamp(), withHost.groupName(), withHost.topic(),
            withHost.msgId(), withHost.tags(), withHost.keys(), withHost.storeHost(), withHost.bodyLength(),
            withHost.costTime(), withHost.msgType()));
    }

    @Test
    void aConsumptionWithoutItsTimeTakesTheTimeOfReading() {
        List<TraceRecord> records = TraceDataDecoder.decode(
            record("SubBefore", "1700000000001", "R", "CG", "REQ", "ID1", "2", "k1")
                + record("SubAfter", "REQ", "ID1", "7", "false", "k1")
                + record("SubAfter", "REQ", "ID1", "7", "true", "k1", "4", "1700000000002", "CG"), 42);
        assertEquals(3, records.size());
        assertEquals(List.of(TraceType.SubBefore, "CG", "REQ", 2), List.of(records.get(0).type(),
            records.get(0).groupName(), records.get(0).requestId(), records.get(0).retryTimes()));
        TraceRecord old = records.get(1);
        assertEquals(List.of(42L, "", 7, false, 0), List.of(old.timestamp(), old.groupName(), old.costTime(),
            old.success(), old.contextCode()));
        TraceRecord current = records.get(2);
        assertEquals(List.of(1700000000002L, "CG", 4, true), List.of(current.timestamp(), current.groupName(),
            current.contextCode(), current.success()));
    }

    @Test
    void readsTheEndOfATransaction() {
        TraceRecord r = TraceDataDecoder.decode(record("EndTransaction", "1700000000003", "R", "PG", "T", "ID1",
            "TagA", "k1", "10.0.0.1:10911", "1", "tx-1", "COMMIT_MESSAGE", "true"), 0).get(0);
        assertEquals(List.of(TraceType.EndTransaction, "Trans_Msg_Half", "tx-1", "COMMIT_MESSAGE", true),
            List.of(r.type(), r.msgType(), r.transactionId(), r.transactionState(), r.fromTransactionCheck()));
    }

    @Test
    void skipsRecordsOfOtherTypesAndReadsNothingFromNothing() {
        assertEquals(List.of(), TraceDataDecoder.decode("", 0));
        assertEquals(List.of(), TraceDataDecoder.decode(null, 0));
        assertEquals(List.of(), TraceDataDecoder.decode(record("Other", "1"), 0));
    }

    @Test
    void refusesRecordsThatDoNotRead() {
        IllegalArgumentException shortOne = assertThrows(IllegalArgumentException.class,
            () -> TraceDataDecoder.decode(record("SubAfter", "REQ", "ID1"), 0));
        assertEquals("trace record SubAfter has 3 fields, wants at least 6", shortOne.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TraceDataDecoder.decode(record("Pub", "soon", "R", "PG",
            "T", "ID1", "TagA", "k1", "h", "12", "3", "0"), 0));
        assertThrows(IllegalArgumentException.class, () -> TraceDataDecoder.decode(record("Pub", "1", "R", "PG",
            "T", "ID1", "TagA", "k1", "h", "12", "3", "9"), 0));
        assertThrows(IllegalArgumentException.class, () -> TraceDataDecoder.decode(record("EndTransaction", "1", "R",
            "PG", "T", "ID1", "TagA", "k1", "h", "1", "tx", "MAYBE", "true"), 0));
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
