package io.petrel.tools.trace;

/** The kinds of message trace record RocketMQ 4.9.7 clients write, by the names they write first in each record. */
public enum TraceType {
    /** A send, by the producer. */
    Pub,
    /** A delivery to a consumer's listener, before it ran. */
    SubBefore,
    /** A delivery to a consumer's listener, after it ran: its outcome and time taken. */
    SubAfter,
    /** The end of a transaction: its commit or rollback. */
    EndTransaction
}
