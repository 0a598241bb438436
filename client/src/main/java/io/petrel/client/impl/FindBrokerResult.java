package io.petrel.client.impl;

/** A broker address picked for a request, whether it is a slave, and the broker's protocol version. */
public record FindBrokerResult(String brokerAddr, boolean slave, int brokerVersion) {
}
