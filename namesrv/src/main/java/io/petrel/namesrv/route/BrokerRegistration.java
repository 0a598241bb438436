package io.petrel.namesrv.route;

/**
 * Who is registering: the identity part of a REGISTER_BROKER header.
 *
 * @param clusterName  cluster the broker belongs to
 * @param brokerName   broker name (a master and its slaves share it)
 * @param brokerAddr   {@code ip:port} clients use
 * @param brokerId     0 for the master, 1.. for slaves
 * @param haServerAddr {@code ip:port} slaves replicate from
 */
public record BrokerRegistration(String clusterName, String brokerName, String brokerAddr, long brokerId,
                                 String haServerAddr) {
    public boolean isMaster() {
        return brokerId == 0L;
    }
}
