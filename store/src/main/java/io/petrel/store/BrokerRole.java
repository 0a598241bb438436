package io.petrel.store;

/** Role of the broker owning the store; a slave store refuses puts. */
public enum BrokerRole {
    ASYNC_MASTER,
    SYNC_MASTER,
    SLAVE
}
