package io.petrel.common.body;

import com.alibaba.fastjson2.JSONObject;
import io.petrel.common.route.json.JsonBodies;
import io.petrel.common.route.json.JsonWriter;

/**
 * A consumer's snapshot of one queue it consumes (its process queue), one value of
 * {@link ConsumerRunningInfo#mqTable()}. The JSON names are 4.9.7's, misspelled {@code droped} included,
 * in alphabetical order. Missing members read as 0 / false.
 */
public record ProcessQueueInfo(long commitOffset, long cachedMsgMinOffset, long cachedMsgMaxOffset,
                               int cachedMsgCount, int cachedMsgSizeInMiB, long transactionMsgMinOffset,
                               long transactionMsgMaxOffset, int transactionMsgCount, boolean locked,
                               long tryUnlockTimes, long lastLockTimestamp, boolean dropped, long lastPullTimestamp,
                               long lastConsumeTimestamp) {

    public void writeJson(JsonWriter out) {
        out.beginObject()
            .field("cachedMsgCount", cachedMsgCount)
            .field("cachedMsgMaxOffset", cachedMsgMaxOffset)
            .field("cachedMsgMinOffset", cachedMsgMinOffset)
            .field("cachedMsgSizeInMiB", cachedMsgSizeInMiB)
            .field("commitOffset", commitOffset)
            .field("droped", dropped)
            .field("lastConsumeTimestamp", lastConsumeTimestamp)
            .field("lastLockTimestamp", lastLockTimestamp)
            .field("lastPullTimestamp", lastPullTimestamp)
            .field("locked", locked)
            .field("transactionMsgCount", transactionMsgCount)
            .field("transactionMsgMaxOffset", transactionMsgMaxOffset)
            .field("transactionMsgMinOffset", transactionMsgMinOffset)
            .field("tryUnlockTimes", tryUnlockTimes)
            .endObject();
    }

    public static ProcessQueueInfo fromJson(Object value, String what) {
        JSONObject o = JsonBodies.asObject(value, what);
        if (o == null) {
            o = new JSONObject();
        }
        return new ProcessQueueInfo(
            JsonBodies.longOr(o, "commitOffset", 0, what),
            JsonBodies.longOr(o, "cachedMsgMinOffset", 0, what),
            JsonBodies.longOr(o, "cachedMsgMaxOffset", 0, what),
            JsonBodies.intOr(o, "cachedMsgCount", 0, what),
            JsonBodies.intOr(o, "cachedMsgSizeInMiB", 0, what),
            JsonBodies.longOr(o, "transactionMsgMinOffset", 0, what),
            JsonBodies.longOr(o, "transactionMsgMaxOffset", 0, what),
            JsonBodies.intOr(o, "transactionMsgCount", 0, what),
            JsonBodies.booleanOr(o, "locked", false),
            JsonBodies.longOr(o, "tryUnlockTimes", 0, what),
            JsonBodies.longOr(o, "lastLockTimestamp", 0, what),
            JsonBodies.booleanOr(o, "droped", false),
            JsonBodies.longOr(o, "lastPullTimestamp", 0, what),
            JsonBodies.longOr(o, "lastConsumeTimestamp", 0, what));
    }
}
