package io.petrel.client.impl;

import io.petrel.client.ClientConfig;
import io.petrel.remoting.RPCHook;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One client instance per client id in a process: producers and consumers with the same id share it. */
public final class MQClientManager {
    private static final MQClientManager INSTANCE = new MQClientManager();

    private final AtomicInteger factoryIndex = new AtomicInteger();
    private final ConcurrentMap<String, MQClientInstance> table = new ConcurrentHashMap<>();

    private MQClientManager() {
    }

    public static MQClientManager getInstance() {
        return INSTANCE;
    }

    public MQClientInstance getOrCreateMQClientInstance(ClientConfig config, RPCHook rpcHook) {
        String clientId = config.buildMQClientId();
        return table.computeIfAbsent(clientId, id ->
            new MQClientInstance(config.cloneClientConfig(), factoryIndex.getAndIncrement(), id, rpcHook));
    }

    public void removeClientFactory(String clientId) {
        table.remove(clientId);
    }
}
