package io.petrel.client.producer;

/** How a sent message was stored: {@code SEND_OK}, or stored but not flushed / replicated in time. */
public enum SendStatus {
    SEND_OK,
    FLUSH_DISK_TIMEOUT,
    FLUSH_SLAVE_TIMEOUT,
    SLAVE_NOT_AVAILABLE
}
