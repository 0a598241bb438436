package io.petrel.broker.out;

import java.util.Map;

/**
 * What a NameServer answered to a registration: for a slave, its master's HA and remoting addresses; and the
 * order-topic settings the NameServer keeps for this broker.
 */
public record RegisterResult(String nameServer, String haServerAddr, String masterAddr, Map<String, String> orderTopics) {
}
