package io.petrel.broker.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 5.3's HARuntimeInfo as GET_BROKER_HA_STATUS writes it, and the per-second transfer figure. */
class HaStatusTest {
    @Test
    void aMasterListsItsSlavesAndCountsThoseWithinTheGap() {
        String json = new String(HaStatus.ofMaster(1_000, List.of(new HaStatus.Slave("127.0.0.1:5001", 1_000, 0, 42),
            new HaStatus.Slave("127.0.0.1:5002", 100, 64, 0)), 500), StandardCharsets.UTF_8);
        assertEquals("{\"haClientRuntimeInfo\":{\"activated\":false,\"lastReadTimestamp\":0,\"lastWriteTimestamp\":0,"
            + "\"masterFlushOffset\":0,\"maxOffset\":0,\"transferredByteInSecond\":0},\"haConnectionInfo\":["
            + "{\"addr\":\"127.0.0.1:5001\",\"diff\":0,\"inSync\":true,\"slaveAckOffset\":1000,"
            + "\"transferFromWhere\":0,\"transferredByteInSecond\":42},"
            + "{\"addr\":\"127.0.0.1:5002\",\"diff\":900,\"inSync\":false,\"slaveAckOffset\":100,"
            + "\"transferFromWhere\":64,\"transferredByteInSecond\":0}],"
            + "\"inSyncSlaveNums\":1,\"master\":true,\"masterCommitLogMaxOffset\":1000}", json);
    }

    @Test
    void aSlaveNamesItsMaster() {
        String json = new String(HaStatus.ofSlave(2_048, new HaStatus.Master("127.0.0.1:10912", 7, 8, 9)),
            StandardCharsets.UTF_8);
        assertEquals("{\"haClientRuntimeInfo\":{\"activated\":false,\"lastReadTimestamp\":7,\"lastWriteTimestamp\":8,"
            + "\"masterAddr\":\"127.0.0.1:10912\",\"masterFlushOffset\":0,\"maxOffset\":2048,"
            + "\"transferredByteInSecond\":9},\"haConnectionInfo\":[],\"inSyncSlaveNums\":0,\"master\":false,"
            + "\"masterCommitLogMaxOffset\":0}", json);
    }

    @Test
    void theRateIsTheLastWholeSecondsBytes() {
        TransferRate r = new TransferRate();
        r.add(100, 10_000);
        r.add(50, 10_999);
        assertEquals(0, r.perSecond(10_999), "the current second is not whole yet");
        assertEquals(150, r.perSecond(11_000));
        r.add(7, 11_500);
        assertEquals(0, r.perSecond(13_000), "nothing moved in the second before");
    }
}
