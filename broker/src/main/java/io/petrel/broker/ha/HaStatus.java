package io.petrel.broker.ha;

import io.petrel.common.route.json.JsonWriter;
import java.util.List;

/**
 * GET_BROKER_HA_STATUS (5.x {@code mqadmin haStatus}): 5.3's {@code HARuntimeInfo}. A master lists its slaves'
 * connections (acknowledged offset, how far behind, whether within {@code haSlaveFallbehindMax}, bytes sent in
 * the last second, where the transfer started); a slave tells its master's HA address, its CommitLog end, when it
 * last read and wrote and the bytes received in the last second.
 */
public final class HaStatus {
    /** One slave connection of a master. */
    public record Slave(String addr, long ackOffset, long transferFromWhere, long bytesPerSecond) {
    }

    /** A slave's link to its master. */
    public record Master(String addr, long lastReadMillis, long lastWriteMillis, long bytesPerSecond) {
    }

    private HaStatus() {
    }

    /** A master's status: {@code maxOffset} is its CommitLog end; a slave within {@code inSyncGap} is in sync. */
    public static byte[] ofMaster(long maxOffset, List<Slave> slaves, long inSyncGap) {
        JsonWriter out = new JsonWriter(256 + 192 * slaves.size());
        out.beginObject();
        emptyClient(out);
        out.name("haConnectionInfo").beginArray();
        int inSync = 0;
        for (Slave s : slaves) {
            long diff = maxOffset - s.ackOffset();
            boolean ok = diff < inSyncGap;
            inSync += ok ? 1 : 0;
            out.beginObject().field("addr", s.addr()).field("diff", diff).field("inSync", ok)
                .field("slaveAckOffset", s.ackOffset()).field("transferFromWhere", s.transferFromWhere())
                .field("transferredByteInSecond", s.bytesPerSecond()).endObject();
        }
        return out.endArray().field("inSyncSlaveNums", inSync).field("master", true)
            .field("masterCommitLogMaxOffset", maxOffset).endObject().toBytes();
    }

    /** A slave's status: {@code maxOffset} is its own CommitLog end; the master's address null before it knows one. */
    public static byte[] ofSlave(long maxOffset, Master master) {
        JsonWriter out = new JsonWriter(256);
        out.beginObject().name("haClientRuntimeInfo").beginObject().field("activated", false)
            .field("lastReadTimestamp", master.lastReadMillis()).field("lastWriteTimestamp", master.lastWriteMillis());
        if (master.addr() != null) {
            out.field("masterAddr", master.addr());
        }
        return out.field("masterFlushOffset", 0L).field("maxOffset", maxOffset)
            .field("transferredByteInSecond", master.bytesPerSecond()).endObject()
            .name("haConnectionInfo").beginArray().endArray().field("inSyncSlaveNums", 0).field("master", false)
            .field("masterCommitLogMaxOffset", 0L).endObject().toBytes();
    }

    private static void emptyClient(JsonWriter out) {
        out.name("haClientRuntimeInfo").beginObject().field("activated", false).field("lastReadTimestamp", 0L)
            .field("lastWriteTimestamp", 0L).field("masterFlushOffset", 0L).field("maxOffset", 0L)
            .field("transferredByteInSecond", 0L).endObject();
    }
}
