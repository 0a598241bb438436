package io.petrel.namesrv.route;

/**
 * What a registration answers: for a slave whose master is live, the master's HA address and remoting address;
 * both null otherwise.
 */
public record RegisterResult(String haServerAddr, String masterAddr) {
    public static final RegisterResult EMPTY = new RegisterResult(null, null);
}
