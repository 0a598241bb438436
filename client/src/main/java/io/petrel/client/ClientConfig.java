package io.petrel.client;

import io.petrel.common.message.MessageQueue;
import io.petrel.remoting.tls.TlsSettings;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What every producer, consumer and admin client shares: where the NameServers are, who this client is, and the
 * periods of its background work. Defaults and property names are RocketMQ's: the NameServer list comes from
 * {@code rocketmq.namesrv.addr} or {@code NAMESRV_ADDR} unless set; the instance name from
 * {@code rocketmq.client.name}, else the process id.
 */
public class ClientConfig {
    public static final String NAMESRV_ADDR_PROPERTY = "rocketmq.namesrv.addr";
    public static final String NAMESRV_ADDR_ENV = "NAMESRV_ADDR";
    public static final String SEND_MESSAGE_WITH_VIP_CHANNEL_PROPERTY = "com.rocketmq.sendMessageWithVIPChannel";
    public static final String DEFAULT_INSTANCE_NAME = "DEFAULT";

    private String namesrvAddr = System.getProperty(NAMESRV_ADDR_PROPERTY, System.getenv(NAMESRV_ADDR_ENV));
    private String clientIP = localAddress();
    private String instanceName = System.getProperty("rocketmq.client.name", DEFAULT_INSTANCE_NAME);
    private int clientCallbackExecutorThreads = Runtime.getRuntime().availableProcessors();
    protected String namespace;
    private int pollNameServerInterval = 30_000;
    private int heartbeatBrokerInterval = 30_000;
    private int persistConsumerOffsetInterval = 5_000;
    private long pullTimeDelayMillsWhenException = 1_000;
    private boolean unitMode;
    private String unitName;
    private boolean vipChannelEnabled =
        Boolean.parseBoolean(System.getProperty(SEND_MESSAGE_WITH_VIP_CHANNEL_PROPERTY, "false"));
    private boolean useTLS = Boolean.getBoolean(TlsSettings.ENABLE);
    private int mqClientApiTimeout = 3_000;

    /** {@code ip@instanceName[@unitName]}: clients with the same id share one client instance. */
    public String buildMQClientId() {
        StringBuilder sb = new StringBuilder(clientIP).append('@').append(instanceName);
        if (unitName != null && !unitName.isBlank()) {
            sb.append('@').append(unitName);
        }
        return sb.toString();
    }

    /** Replaces the default instance name by the process id, so that two processes on one host differ. */
    public void changeInstanceNameToPID() {
        if (DEFAULT_INSTANCE_NAME.equals(instanceName)) {
            instanceName = ProcessHandle.current().pid() + "#" + System.nanoTime();
        }
    }

    public String withNamespace(String resource) {
        return NamespaceUtil.wrapNamespace(namespace, resource);
    }

    public Set<String> withNamespace(Set<String> resources) {
        Set<String> out = new LinkedHashSet<>();
        resources.forEach(r -> out.add(withNamespace(r)));
        return out;
    }

    public String withoutNamespace(String resource) {
        return NamespaceUtil.withoutNamespace(resource, namespace);
    }

    public Set<String> withoutNamespace(Set<String> resources) {
        Set<String> out = new LinkedHashSet<>();
        resources.forEach(r -> out.add(withoutNamespace(r)));
        return out;
    }

    public MessageQueue queueWithNamespace(MessageQueue queue) {
        return namespace == null || namespace.isEmpty() ? queue
            : new MessageQueue(withNamespace(queue.topic()), queue.brokerName(), queue.queueId());
    }

    public MessageQueue queueWithoutNamespace(MessageQueue queue) {
        return namespace == null || namespace.isEmpty() ? queue
            : new MessageQueue(withoutNamespace(queue.topic()), queue.brokerName(), queue.queueId());
    }

    /** Copies every setting of {@code other} into this one. */
    public void resetClientConfig(ClientConfig other) {
        namesrvAddr = other.namesrvAddr;
        clientIP = other.clientIP;
        instanceName = other.instanceName;
        clientCallbackExecutorThreads = other.clientCallbackExecutorThreads;
        namespace = other.namespace;
        pollNameServerInterval = other.pollNameServerInterval;
        heartbeatBrokerInterval = other.heartbeatBrokerInterval;
        persistConsumerOffsetInterval = other.persistConsumerOffsetInterval;
        pullTimeDelayMillsWhenException = other.pullTimeDelayMillsWhenException;
        unitMode = other.unitMode;
        unitName = other.unitName;
        vipChannelEnabled = other.vipChannelEnabled;
        useTLS = other.useTLS;
        mqClientApiTimeout = other.mqClientApiTimeout;
    }

    public ClientConfig cloneClientConfig() {
        ClientConfig copy = new ClientConfig();
        copy.resetClientConfig(this);
        return copy;
    }

    /** The first site-local IPv4 address, else any non-loopback IPv4 address, else 127.0.0.1. */
    static String localAddress() {
        String fallback = null;
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback() || nif.isVirtual()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        if (a.isSiteLocalAddress()) {
                            return a.getHostAddress();
                        }
                        fallback = fallback == null ? a.getHostAddress() : fallback;
                    }
                }
            }
        } catch (SocketException e) {
            return "127.0.0.1";
        }
        return fallback != null ? fallback : "127.0.0.1";
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    public String getClientIP() {
        return clientIP;
    }

    public void setClientIP(String clientIP) {
        this.clientIP = clientIP;
    }

    public String getInstanceName() {
        return instanceName;
    }

    public void setInstanceName(String instanceName) {
        this.instanceName = instanceName;
    }

    public int getClientCallbackExecutorThreads() {
        return clientCallbackExecutorThreads;
    }

    public void setClientCallbackExecutorThreads(int clientCallbackExecutorThreads) {
        this.clientCallbackExecutorThreads = clientCallbackExecutorThreads;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public int getPollNameServerInterval() {
        return pollNameServerInterval;
    }

    public void setPollNameServerInterval(int pollNameServerInterval) {
        this.pollNameServerInterval = pollNameServerInterval;
    }

    public int getHeartbeatBrokerInterval() {
        return heartbeatBrokerInterval;
    }

    public void setHeartbeatBrokerInterval(int heartbeatBrokerInterval) {
        this.heartbeatBrokerInterval = heartbeatBrokerInterval;
    }

    public int getPersistConsumerOffsetInterval() {
        return persistConsumerOffsetInterval;
    }

    public void setPersistConsumerOffsetInterval(int persistConsumerOffsetInterval) {
        this.persistConsumerOffsetInterval = persistConsumerOffsetInterval;
    }

    public long getPullTimeDelayMillsWhenException() {
        return pullTimeDelayMillsWhenException;
    }

    public void setPullTimeDelayMillsWhenException(long pullTimeDelayMillsWhenException) {
        this.pullTimeDelayMillsWhenException = pullTimeDelayMillsWhenException;
    }

    public boolean isUnitMode() {
        return unitMode;
    }

    public void setUnitMode(boolean unitMode) {
        this.unitMode = unitMode;
    }

    public String getUnitName() {
        return unitName;
    }

    public void setUnitName(String unitName) {
        this.unitName = unitName;
    }

    public boolean isVipChannelEnabled() {
        return vipChannelEnabled;
    }

    public void setVipChannelEnabled(boolean vipChannelEnabled) {
        this.vipChannelEnabled = vipChannelEnabled;
    }

    public boolean isUseTLS() {
        return useTLS;
    }

    public void setUseTLS(boolean useTLS) {
        this.useTLS = useTLS;
    }

    public int getMqClientApiTimeout() {
        return mqClientApiTimeout;
    }

    public void setMqClientApiTimeout(int mqClientApiTimeout) {
        this.mqClientApiTimeout = mqClientApiTimeout;
    }

    @Override
    public String toString() {
        return "ClientConfig{namesrvAddr=" + namesrvAddr + ", clientIP=" + clientIP + ", instanceName=" + instanceName
            + ", namespace=" + namespace + ", pollNameServerInterval=" + pollNameServerInterval
            + ", heartbeatBrokerInterval=" + heartbeatBrokerInterval + ", persistConsumerOffsetInterval="
            + persistConsumerOffsetInterval + ", unitMode=" + unitMode + ", unitName=" + unitName
            + ", vipChannelEnabled=" + vipChannelEnabled + ", useTLS=" + useTLS + "}";
    }
}
