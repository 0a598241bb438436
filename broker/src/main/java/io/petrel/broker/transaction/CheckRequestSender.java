package io.petrel.broker.transaction;

import io.petrel.remoting.protocol.RemotingCommand;

/** Sends a CHECK_TRANSACTION_STATE request oneway to one live producer of a group. */
@FunctionalInterface
public interface CheckRequestSender {
    /** @return false when the group has no live producer or the send failed */
    boolean send(String producerGroup, RemotingCommand request);
}
