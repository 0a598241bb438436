package io.petrel.store;

import io.petrel.common.message.MessageExt;

/**
 * One message to store and how: {@code waitStoreOk} says whether the put completes only once the record is
 * flushed (SYNC_FLUSH) and held by a slave (SYNC_MASTER); {@code delayApplies} says whether a {@code DELAY}
 * property schedules the record (a delivered delayed message keeps its {@code DELAY} property on disk but is not
 * scheduled again). The store never asks the message anything else.
 */
public record PutRequest(MessageExt message, boolean waitStoreOk, boolean delayApplies) {
    public PutRequest {
        java.util.Objects.requireNonNull(message, "message");
    }

    /** A message from a producer: waits as its {@code WAIT} property says (absent means wait); delay applies. */
    public static PutRequest of(MessageExt message) {
        return new PutRequest(message, message.isWaitStoreMsgOK(), true);
    }

    /**
     * A record the broker writes on its own behalf (delay delivery, retry copies, transaction commits and ops):
     * it never waits, whatever its {@code WAIT} property says.
     */
    public static PutRequest inner(MessageExt message, boolean delayApplies) {
        return new PutRequest(message, false, delayApplies);
    }

    int delayLevel() {
        return delayApplies ? message.getDelayTimeLevel() : 0;
    }
}
