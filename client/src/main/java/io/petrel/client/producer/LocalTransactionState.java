package io.petrel.client.producer;

/** The outcome of a local transaction: commit or roll back the half message, or not known yet (check later). */
public enum LocalTransactionState {
    COMMIT_MESSAGE,
    ROLLBACK_MESSAGE,
    UNKNOW,
}
