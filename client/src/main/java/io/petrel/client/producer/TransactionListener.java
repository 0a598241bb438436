package io.petrel.client.producer;

import io.petrel.common.message.Message;
import io.petrel.common.message.MessageExt;

/** Runs the local transaction of a half message, and answers the broker's later checks of its state. */
public interface TransactionListener {
    /** Called after the half message was stored. */
    LocalTransactionState executeLocalTransaction(Message msg, Object arg);

    /** Called when the broker asks about a half message whose state it still does not know. */
    LocalTransactionState checkLocalTransaction(MessageExt msg);
}
