package io.petrel.tools.monitor;

/**
 * A consumer moved past messages it had not consumed (or back to ones it had): an {@link OffsetMovedEvent} and the
 * time the broker stored it.
 */
public record DeleteMsgsEvent(OffsetMovedEvent offsetMovedEvent, long eventTimestamp) {
    /** As 4.9.7 logs it. */
    @Override
    public String toString() {
        return "DeleteMsgsEvent [offsetMovedEvent=" + offsetMovedEvent + ", eventTimestamp=" + eventTimestamp + "]";
    }
}
