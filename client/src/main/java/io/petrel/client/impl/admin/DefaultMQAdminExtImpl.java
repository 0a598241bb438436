package io.petrel.client.impl.admin;

import io.petrel.client.ClientConfig;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.MQAdminExtInner;
import io.petrel.client.impl.MQAdminImpl;
import io.petrel.client.impl.MQClientInstance;
import io.petrel.client.impl.MQClientInstance.ServiceState;
import io.petrel.client.impl.MQClientManager;
import io.petrel.remoting.RPCHook;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin client's lifecycle: {@link #start} registers it, under its admin group, with a client instance of its
 * own (the default instance name is replaced by a per-process unique one) and builds the operation classes over
 * that instance's connections; {@link #shutdown} unregisters it and stops the instance. Calls made before start
 * or after shutdown fail with {@link IllegalStateException}. Thread-safe.
 */
public final class DefaultMQAdminExtImpl implements MQAdminExtInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMQAdminExtImpl.class);

    private final ClientConfig clientConfig;
    private final RPCHook rpcHook;
    private final long timeoutMillis;
    private ServiceState state = ServiceState.CREATE_JUST;
    private MQClientInstance instance;
    private String adminExtGroup;
    private volatile Operations operations;

    /** The operation classes of a started admin client. */
    public record Operations(AdminRemoting remoting, TopicAdmin topics, GroupAdmin groups, OffsetReset offsets,
                             ClusterMaintenance maintenance, MessageAdmin messages, MessageTracker tracker,
                             MQAdminImpl queries) {

        /** Builds the operations over one transport; {@code queries} serves offset and key lookups. */
        public static Operations over(AdminTransport transport, boolean vipChannel, long timeoutMillis,
                                      MQAdminImpl queries, MessageAdmin.UniqueKeyLookup byUniqueKey,
                                      RandomGenerator random) {
            AdminRemoting remoting = new AdminRemoting(transport, vipChannel);
            TopicAdmin topics = new TopicAdmin(remoting, timeoutMillis, random);
            GroupAdmin groups = new GroupAdmin(remoting, timeoutMillis, random);
            return new Operations(remoting, topics, groups, new OffsetReset(remoting, timeoutMillis, random),
                new ClusterMaintenance(remoting, timeoutMillis), new MessageAdmin(remoting, byUniqueKey, timeoutMillis),
                new MessageTracker(remoting, topics, groups, timeoutMillis), queries);
        }
    }

    public DefaultMQAdminExtImpl(ClientConfig clientConfig, RPCHook rpcHook, long timeoutMillis) {
        this.clientConfig = clientConfig;
        this.rpcHook = rpcHook;
        this.timeoutMillis = timeoutMillis;
    }

    public synchronized void start(String group) throws MQClientException {
        if (state != ServiceState.CREATE_JUST) {
            throw new MQClientException("The AdminExt service state not OK, maybe started once, " + state, null);
        }
        state = ServiceState.START_FAILED;
        clientConfig.changeInstanceNameToPID();
        MQClientInstance created = MQClientManager.getInstance().getOrCreateMQClientInstance(clientConfig, rpcHook);
        if (!created.registerAdminExt(group, this)) {
            state = ServiceState.CREATE_JUST;
            throw new MQClientException("The adminExt group[" + group
                + "] has created already, specified another name please.", null);
        }
        try {
            created.start();
        } catch (MQClientException e) {
            created.unregisterAdminExt(group);
            throw e;
        }
        instance = created;
        adminExtGroup = group;
        MQAdminImpl queries = created.getMQAdminImpl();
        operations = Operations.over(AdminTransport.of(created.getMQClientAPIImpl().remoting()),
            clientConfig.isVipChannelEnabled(), timeoutMillis, queries, queries::queryMessageByUniqKey,
            new Random());
        state = ServiceState.RUNNING;
        LOG.info("admin client {} started on client instance {}", group, created.getClientId());
    }

    public synchronized void shutdown() {
        if (state != ServiceState.RUNNING) {
            return;
        }
        operations = null;
        instance.unregisterAdminExt(adminExtGroup);
        instance.shutdown();
        state = ServiceState.SHUTDOWN_ALREADY;
        LOG.info("admin client {} stopped", adminExtGroup);
    }

    /** @throws IllegalStateException when the admin client is not running */
    public Operations operations() {
        Operations ops = operations;
        if (ops == null) {
            throw new IllegalStateException("the admin client is not running (state " + state + "); call start()");
        }
        return ops;
    }

    public List<String> getNameServerAddressList() {
        return operations().remoting().nameServerAddressList();
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }
}
