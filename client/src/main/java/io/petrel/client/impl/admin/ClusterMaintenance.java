package io.petrel.client.impl.admin;

import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.route.ClusterInfo;
import io.petrel.remoting.exception.RemotingException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clean-up requests sent to every broker (masters and slaves) of a cluster, or of every cluster when none is
 * named. As in 4.9.7 the answer is the last broker's (true unless a broker failed, which throws), false when no
 * broker was asked or the NameServer could not list the clusters. Thread-safe.
 */
public final class ClusterMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterMaintenance.class);

    private final AdminRemoting remoting;
    private final long timeoutMillis;

    /** One clean-up request to one broker. */
    @FunctionalInterface
    interface BrokerTask {
        boolean run(String addr) throws RemotingException, MQClientException, InterruptedException;
    }

    public ClusterMaintenance(AdminRemoting remoting, long timeoutMillis) {
        this.remoting = remoting;
        this.timeoutMillis = timeoutMillis;
    }

    public boolean cleanExpiredConsumerQueue(String cluster)
        throws RemotingException, MQClientException, InterruptedException {
        return onEveryBroker(cluster, this::cleanExpiredConsumerQueueByAddr, "clean expired consume queues");
    }

    public boolean cleanExpiredConsumerQueueByAddr(String addr)
        throws RemotingException, MQClientException, InterruptedException {
        boolean done = remoting.cleanExpiredConsumeQueue(addr, timeoutMillis);
        LOG.info("clean expired consume queues on broker {}: {}", addr, done);
        return done;
    }

    public boolean deleteExpiredCommitLog(String cluster)
        throws RemotingException, MQClientException, InterruptedException {
        return onEveryBroker(cluster, this::deleteExpiredCommitLogByAddr, "delete expired CommitLog files");
    }

    public boolean deleteExpiredCommitLogByAddr(String addr)
        throws RemotingException, MQClientException, InterruptedException {
        boolean done = remoting.deleteExpiredCommitLog(addr, timeoutMillis);
        LOG.info("delete expired CommitLog files on broker {}: {}", addr, done);
        return done;
    }

    public boolean cleanUnusedTopic(String cluster) throws RemotingException, MQClientException, InterruptedException {
        return onEveryBroker(cluster, this::cleanUnusedTopicByAddr, "clean unused topics");
    }

    public boolean cleanUnusedTopicByAddr(String addr)
        throws RemotingException, MQClientException, InterruptedException {
        boolean done = remoting.cleanUnusedTopic(addr, timeoutMillis);
        LOG.info("clean unused topics on broker {}: {}", addr, done);
        return done;
    }

    private boolean onEveryBroker(String cluster, BrokerTask task, String what)
        throws RemotingException, MQClientException, InterruptedException {
        ClusterInfo info;
        try {
            info = remoting.getBrokerClusterInfo(timeoutMillis);
        } catch (MQBrokerException e) {
            LOG.error("{}: the cluster list is unavailable", what, e);
            return false;
        }
        List<String> clusters = cluster == null || cluster.isEmpty()
            ? new ArrayList<>(info.clusterAddrTable().keySet()) : List.of(cluster);
        boolean result = false;
        for (String c : clusters) {
            for (String addr : BrokerAddrs.ofCluster(info, c)) {
                result = task.run(addr);
            }
        }
        return result;
    }
}
