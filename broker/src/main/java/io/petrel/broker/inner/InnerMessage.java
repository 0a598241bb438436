package io.petrel.broker.inner;

import io.petrel.common.message.MessageExt;
import io.petrel.store.MessageStore;
import io.petrel.store.PutMessageResult;
import io.petrel.store.PutRequest;

/**
 * A record the broker writes on its own behalf (delay delivery, retry copies, transaction commits and ops).
 *
 * <p>The property map is what gets stored. Two things are only "in memory", as the records 4.9.7 brokers write
 * show: such a put never waits for a flush or a slave ({@code WAIT} is treated as false whatever the map says), and
 * a copy made with {@code delayApplies=false} keeps its {@code DELAY} property in the stored string while the
 * store does not schedule it again (a delivered delayed message still carries {@code DELAY} on disk). Not thread-safe.
 */
public final class InnerMessage extends MessageExt {
    private final boolean delayApplies;

    public InnerMessage(boolean delayApplies) {
        this.delayApplies = delayApplies;
    }

    /** A new record with the source's body, flag, sysflag, born fields, reconsume count and properties. */
    public static InnerMessage copyOf(MessageExt source, boolean delayApplies) {
        InnerMessage m = new InnerMessage(delayApplies);
        m.setBody(source.getBody());
        m.setFlag(source.getFlag());
        m.setSysFlag(source.getSysFlag());
        m.setBornTimestamp(source.getBornTimestamp());
        m.setBornHost(source.getBornHost());
        m.setStoreHost(source.getStoreHost());
        m.setReconsumeTimes(source.getReconsumeTimes());
        m.setProperties(source.getProperties());
        return m;
    }

    /** The put of this record: it never waits for a flush or a slave; its delay applies as built. */
    public PutRequest toPut() {
        return PutRequest.inner(this, delayApplies);
    }

    /**
     * Stores this record. Such a put never waits for a flush or a slave, so the store's future is complete when
     * this returns: the caller's thread is not held.
     */
    public PutMessageResult putInto(MessageStore store) {
        return store.asyncPutMessage(toPut()).join();
    }
}
