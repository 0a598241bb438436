package io.petrel.client.consumer.listener;

/** What an orderly listener did with a batch. */
public enum ConsumeOrderlyStatus {
    SUCCESS,
    /** @deprecated as in RocketMQ: behaves as {@link #SUCCESS} unless auto-commit is off */
    @Deprecated
    ROLLBACK,
    /** @deprecated as in RocketMQ: behaves as {@link #SUCCESS} */
    @Deprecated
    COMMIT,
    /** Failed; stop this queue for a moment and deliver the same messages again. */
    SUSPEND_CURRENT_QUEUE_A_MOMENT
}
