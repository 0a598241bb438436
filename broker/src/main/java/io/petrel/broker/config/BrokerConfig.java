package io.petrel.broker.config;

import io.petrel.common.config.ConfigException;
import io.petrel.common.config.ConfigReader;
import io.petrel.common.util.NetAddresses;
import java.util.Properties;

/**
 * The broker's own settings from {@code broker.conf}, with RocketMQ's key names and defaults (thread counts follow
 * the CPU count). Immutable: read once by {@link ConfigReader} (each key typed and bounded), then checked across
 * fields; a runtime update builds a new instance. Keys for capabilities this build lacks accept only their
 * default value, so that no setting is silently ignored.
 */
public final class BrokerConfig {
    private static final int CPUS = Runtime.getRuntime().availableProcessors();

    private final String brokerClusterName;
    private final String brokerName;
    private final long brokerId;
    private final String namesrvAddr;
    private final String brokerIP1;
    private final String brokerIP2;
    private final int brokerPermission;
    private final int defaultTopicQueueNums;
    private final boolean autoCreateTopicEnable;
    private final boolean clusterTopicEnable;
    private final boolean brokerTopicEnable;
    private final boolean autoCreateSubscriptionGroup;
    private final boolean traceTopicEnable;
    private final String msgTraceTopicName;
    private final int sendMessageThreadPoolNums;
    private final boolean sendMessageOnIoThread;
    private final boolean pullMessageOnIoThread;
    private final boolean timerWheelEnable;
    private final int timerMaxDelaySec;
    private final int timerPrecisionMs;
    private final int timerCongestNumEachSlot;
    private final int pullMessageThreadPoolNums;
    private final int processReplyMessageThreadPoolNums;
    private final int queryMessageThreadPoolNums;
    private final int adminBrokerThreadPoolNums;
    private final int clientManageThreadPoolNums;
    private final int consumerManageThreadPoolNums;
    private final int heartbeatThreadPoolNums;
    private final int endTransactionThreadPoolNums;
    private final int sendThreadPoolQueueCapacity;
    private final int pullThreadPoolQueueCapacity;
    private final int replyThreadPoolQueueCapacity;
    private final int queryThreadPoolQueueCapacity;
    private final int clientManagerThreadPoolQueueCapacity;
    private final int consumerManagerThreadPoolQueueCapacity;
    private final int heartbeatThreadPoolQueueCapacity;
    private final int endTransactionPoolQueueCapacity;
    private final int adminBrokerThreadPoolQueueCapacity;
    private final int flushConsumerOffsetInterval;
    private final boolean rejectTransactionMessage;
    private final boolean longPollingEnable;
    private final long shortPollingTimeMills;
    private final boolean notifyConsumerIdsChangedEnable;
    private final boolean transferMsgByHeap;
    private final String regionId;
    private final int registerBrokerTimeoutMills;
    private final boolean slaveReadEnable;
    private final boolean disableConsumeIfConsumerReadSlowly;
    private final boolean brokerFastFailureEnable;
    private final long waitTimeMillsInSendQueue;
    private final long waitTimeMillsInPullQueue;
    private final long waitTimeMillsInHeartbeatQueue;
    private final long waitTimeMillsInTransactionQueue;
    private final long startAcceptSendRequestTimeStamp;
    private final boolean traceOn;
    private final boolean enablePropertyFilter;
    private final boolean enableCalcFilterBitMap;
    private final boolean filterSupportRetry;
    private final boolean compressedRegister;
    private final boolean forceRegister;
    private final int registerNameServerPeriod;
    private final long transactionTimeOut;
    private final int transactionCheckMax;
    private final long transactionCheckInterval;
    private final long flushDelayOffsetInterval;
    private final boolean aclEnable;
    /** The installation directory: where plain ACL keeps {@code conf/plain_acl.yml} and {@code conf/acl/}. */
    private final String rocketmqHome;
    /** The default plain ACL file, relative to {@link #rocketmqHome}. */
    private final String plainAclFile;
    private final boolean storeReplyMessageEnable;
    private final boolean offsetCheckInSlave;
    private final long channelExpiredTimeoutMillis;
    private final long rebalanceLockMaxLiveTimeMillis;
    private final int filterServerNums;

    /** Reads every broker key from {@code r}; raises {@link ConfigException} naming the first bad key. */
    public BrokerConfig(ConfigReader r) {
        this.brokerClusterName = r.nonBlank("brokerClusterName", "DefaultCluster");
        this.brokerName = r.nonBlank("brokerName", LocalHost.hostName());
        this.brokerId = r.longKey("brokerId", 0, 0, Long.MAX_VALUE);
        this.namesrvAddr = r.string("namesrvAddr", NamesrvAddress.fromEnvironment());
        this.brokerIP1 = r.nonBlank("brokerIP1", LocalHost.preferredAddress());
        this.brokerIP2 = r.string("brokerIP2", LocalHost.preferredAddress());
        this.brokerPermission = r.intKey("brokerPermission", 6, 0, 15);
        this.defaultTopicQueueNums = r.intKey("defaultTopicQueueNums", 8, 1, 1024);
        this.autoCreateTopicEnable = r.bool("autoCreateTopicEnable", true);
        this.clusterTopicEnable = r.bool("clusterTopicEnable", true);
        this.brokerTopicEnable = r.bool("brokerTopicEnable", true);
        this.autoCreateSubscriptionGroup = r.bool("autoCreateSubscriptionGroup", true);
        this.traceTopicEnable = r.bool("traceTopicEnable", false);
        this.msgTraceTopicName = r.nonBlank("msgTraceTopicName", "RMQ_SYS_TRACE_TOPIC");
        this.sendMessageThreadPoolNums = r.intKey("sendMessageThreadPoolNums", Math.min(CPUS, 4), 1, Integer.MAX_VALUE);
        this.sendMessageOnIoThread = r.bool("sendMessageOnIoThread", true);
        this.pullMessageOnIoThread = r.bool("pullMessageOnIoThread", true);
        this.timerWheelEnable = r.bool("timerWheelEnable", true);
        this.timerMaxDelaySec = r.intKey("timerMaxDelaySec", 3600 * 24 * 3, 1, Integer.MAX_VALUE / 1000);
        this.timerPrecisionMs = r.intKey("timerPrecisionMs", 1000, 100, 5000);
        this.timerCongestNumEachSlot = r.intKey("timerCongestNumEachSlot", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        this.pullMessageThreadPoolNums = r.intKey("pullMessageThreadPoolNums", 16 + CPUS * 2, 1, Integer.MAX_VALUE);
        this.processReplyMessageThreadPoolNums = r.intKey("processReplyMessageThreadPoolNums", 16 + CPUS * 2, 1, Integer.MAX_VALUE);
        this.queryMessageThreadPoolNums = r.intKey("queryMessageThreadPoolNums", 8 + CPUS, 1, Integer.MAX_VALUE);
        this.adminBrokerThreadPoolNums = r.intKey("adminBrokerThreadPoolNums", 16, 1, Integer.MAX_VALUE);
        this.clientManageThreadPoolNums = r.intKey("clientManageThreadPoolNums", 32, 1, Integer.MAX_VALUE);
        this.consumerManageThreadPoolNums = r.intKey("consumerManageThreadPoolNums", 32, 1, Integer.MAX_VALUE);
        this.heartbeatThreadPoolNums = r.intKey("heartbeatThreadPoolNums", Math.min(32, CPUS), 1, Integer.MAX_VALUE);
        this.endTransactionThreadPoolNums = r.intKey("endTransactionThreadPoolNums", Math.max(8 + CPUS * 2, Math.min(CPUS, 4) * 4), 1, Integer.MAX_VALUE);
        this.sendThreadPoolQueueCapacity = r.intKey("sendThreadPoolQueueCapacity", 10000, 1, Integer.MAX_VALUE);
        this.pullThreadPoolQueueCapacity = r.intKey("pullThreadPoolQueueCapacity", 100000, 1, Integer.MAX_VALUE);
        this.replyThreadPoolQueueCapacity = r.intKey("replyThreadPoolQueueCapacity", 10000, 1, Integer.MAX_VALUE);
        this.queryThreadPoolQueueCapacity = r.intKey("queryThreadPoolQueueCapacity", 20000, 1, Integer.MAX_VALUE);
        this.clientManagerThreadPoolQueueCapacity = r.intKey("clientManagerThreadPoolQueueCapacity", 1000000, 1, Integer.MAX_VALUE);
        this.consumerManagerThreadPoolQueueCapacity = r.intKey("consumerManagerThreadPoolQueueCapacity", 1000000, 1, Integer.MAX_VALUE);
        this.heartbeatThreadPoolQueueCapacity = r.intKey("heartbeatThreadPoolQueueCapacity", 50000, 1, Integer.MAX_VALUE);
        this.endTransactionPoolQueueCapacity = r.intKey("endTransactionPoolQueueCapacity", 100000, 1, Integer.MAX_VALUE);
        this.adminBrokerThreadPoolQueueCapacity = r.intKey("adminBrokerThreadPoolQueueCapacity", 100000, 1, Integer.MAX_VALUE);
        this.flushConsumerOffsetInterval = r.intKey("flushConsumerOffsetInterval", 5000, 1, Integer.MAX_VALUE);
        this.rejectTransactionMessage = r.bool("rejectTransactionMessage", false);
        this.longPollingEnable = r.bool("longPollingEnable", true);
        this.shortPollingTimeMills = r.longKey("shortPollingTimeMills", 1000, 1, Long.MAX_VALUE);
        this.notifyConsumerIdsChangedEnable = r.bool("notifyConsumerIdsChangedEnable", true);
        this.transferMsgByHeap = r.bool("transferMsgByHeap", false);
        this.regionId = r.nonBlank("regionId", "DefaultRegion");
        this.registerBrokerTimeoutMills = r.intKey("registerBrokerTimeoutMills", 6000, 1, Integer.MAX_VALUE);
        this.slaveReadEnable = r.bool("slaveReadEnable", false);
        this.disableConsumeIfConsumerReadSlowly = r.unsupportedBool("disableConsumeIfConsumerReadSlowly", false, "turning off slow consumers is not built into this version of Petrel");
        this.brokerFastFailureEnable = r.bool("brokerFastFailureEnable", true);
        this.waitTimeMillsInSendQueue = r.longKey("waitTimeMillsInSendQueue", 200, 0, Long.MAX_VALUE);
        this.waitTimeMillsInPullQueue = r.longKey("waitTimeMillsInPullQueue", 5000, 0, Long.MAX_VALUE);
        this.waitTimeMillsInHeartbeatQueue = r.longKey("waitTimeMillsInHeartbeatQueue", 31000, 0, Long.MAX_VALUE);
        this.waitTimeMillsInTransactionQueue = r.longKey("waitTimeMillsInTransactionQueue", 3000, 0, Long.MAX_VALUE);
        this.startAcceptSendRequestTimeStamp = r.longKey("startAcceptSendRequestTimeStamp", 0, 0, Long.MAX_VALUE);
        this.traceOn = r.bool("traceOn", true);
        this.enablePropertyFilter = r.bool("enablePropertyFilter", false);
        this.enableCalcFilterBitMap = r.unsupportedBool("enableCalcFilterBitMap", false, "the consume-queue filter bit map is not built into this version of Petrel");
        this.filterSupportRetry = r.unsupportedBool("filterSupportRetry", false, "property filtering of retry topics is not built into this version of Petrel");
        this.compressedRegister = r.bool("compressedRegister", false);
        this.forceRegister = r.unsupportedBool("forceRegister", true, "this broker sends its full registration every period");
        this.registerNameServerPeriod = r.intKey("registerNameServerPeriod", 30000, 1, Integer.MAX_VALUE);
        this.transactionTimeOut = r.longKey("transactionTimeOut", 6000, 0, Long.MAX_VALUE);
        this.transactionCheckMax = r.intKey("transactionCheckMax", 15, 1, Integer.MAX_VALUE);
        this.transactionCheckInterval = r.longKey("transactionCheckInterval", 60000, 1, Long.MAX_VALUE);
        this.flushDelayOffsetInterval = r.longKey("flushDelayOffsetInterval", 10000, 1, Long.MAX_VALUE);
        this.aclEnable = r.bool("aclEnable", false);
        String home = System.getProperty("rocketmq.home.dir", System.getenv("ROCKETMQ_HOME"));
        this.rocketmqHome = r.string("rocketmqHome", home == null ? "" : home);
        // As 4.9.7's plain ACL finds its default file: a system property, not a broker.conf key.
        this.plainAclFile = System.getProperty("rocketmq.acl.plain.file", "conf/plain_acl.yml");
        if (aclEnable && rocketmqHome.isBlank()) {
            throw new ConfigException("rocketmqHome", "aclEnable=true reads conf/plain_acl.yml under the home "
                + "directory: set rocketmqHome, -Drocketmq.home.dir or ROCKETMQ_HOME");
        }
        this.storeReplyMessageEnable = r.bool("storeReplyMessageEnable", true);
        this.offsetCheckInSlave = r.bool("offsetCheckInSlave", false);
        this.channelExpiredTimeoutMillis = r.longKey("channelExpiredTimeoutMillis", 120000, 1, Long.MAX_VALUE);
        this.rebalanceLockMaxLiveTimeMillis = r.longKey("rebalanceLockMaxLiveTimeMillis", 60000, 1, Long.MAX_VALUE);
        this.filterServerNums = (int) r.unsupportedLong("filterServerNums", 0,
            "filter servers are not built into this version of Petrel");
        if (namesrvAddr != null && !namesrvAddr.isBlank()) {
            for (String addr : namesrvAddr.split(";")) {
                try {
                    NetAddresses.parse(addr.trim());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("namesrvAddr", e.getMessage());
                }
            }
        }
    }

    /** The settings of {@code props} alone (other modules' keys are left unread); for tests and tools. */
    public static BrokerConfig of(Properties props) {
        return new BrokerConfig(new ConfigReader(props));
    }

    /** Every default. */
    public static BrokerConfig defaults() {
        return of(new Properties());
    }

    public String getBrokerClusterName() {
        return brokerClusterName;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public long getBrokerId() {
        return brokerId;
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    public String getBrokerIP1() {
        return brokerIP1;
    }

    public String getBrokerIP2() {
        return brokerIP2;
    }

    public int getBrokerPermission() {
        return brokerPermission;
    }

    public int getDefaultTopicQueueNums() {
        return defaultTopicQueueNums;
    }

    public boolean isAutoCreateTopicEnable() {
        return autoCreateTopicEnable;
    }

    public boolean isClusterTopicEnable() {
        return clusterTopicEnable;
    }

    public boolean isBrokerTopicEnable() {
        return brokerTopicEnable;
    }

    public boolean isAutoCreateSubscriptionGroup() {
        return autoCreateSubscriptionGroup;
    }

    public boolean isTraceTopicEnable() {
        return traceTopicEnable;
    }

    public String getMsgTraceTopicName() {
        return msgTraceTopicName;
    }

    /**
     * Whether SEND_MESSAGE, SEND_MESSAGE_V2 and SEND_BATCH_MESSAGE are served on the connection's I/O thread (no
     * hand-off to the send pool and back; answers of one read share a flush) rather than on the send pool.
     */
    public boolean isSendMessageOnIoThread() {
        return sendMessageOnIoThread;
    }

    /**
     * Whether PULL_MESSAGE and LITE_PULL_MESSAGE are served on the connection's I/O thread when what they read is
     * within the memory share {@code accessMessageInMemoryMaxRatio} gives (so in the page cache); a pull further
     * back, which may wait on the disk, and a pull woken from long polling run on the pull pool.
     */
    public boolean isPullMessageOnIoThread() {
        return pullMessageOnIoThread;
    }

    /** Whether 5.x timer messages are parked until their time (5.x's key); when false they are refused. */
    public boolean isTimerWheelEnable() {
        return timerWheelEnable;
    }

    /** The longest delay a timer message may ask for, in seconds (5.x's key; 3 days by default). */
    public int getTimerMaxDelaySec() {
        return timerMaxDelaySec;
    }

    /** The step timer delivery times are rounded down to, in ms (5.x's key; 1 s by default). */
    public int getTimerPrecisionMs() {
        return timerPrecisionMs;
    }

    /** Timer messages parked for one delivery time past which new ones for that time are refused (5.3's key). */
    public int getTimerCongestNumEachSlot() {
        return timerCongestNumEachSlot;
    }

    public int getSendMessageThreadPoolNums() {
        return sendMessageThreadPoolNums;
    }

    public int getPullMessageThreadPoolNums() {
        return pullMessageThreadPoolNums;
    }

    public int getProcessReplyMessageThreadPoolNums() {
        return processReplyMessageThreadPoolNums;
    }

    public int getQueryMessageThreadPoolNums() {
        return queryMessageThreadPoolNums;
    }

    public int getAdminBrokerThreadPoolNums() {
        return adminBrokerThreadPoolNums;
    }

    public int getClientManageThreadPoolNums() {
        return clientManageThreadPoolNums;
    }

    public int getConsumerManageThreadPoolNums() {
        return consumerManageThreadPoolNums;
    }

    public int getHeartbeatThreadPoolNums() {
        return heartbeatThreadPoolNums;
    }

    public int getEndTransactionThreadPoolNums() {
        return endTransactionThreadPoolNums;
    }

    public int getSendThreadPoolQueueCapacity() {
        return sendThreadPoolQueueCapacity;
    }

    public int getPullThreadPoolQueueCapacity() {
        return pullThreadPoolQueueCapacity;
    }

    public int getReplyThreadPoolQueueCapacity() {
        return replyThreadPoolQueueCapacity;
    }

    public int getQueryThreadPoolQueueCapacity() {
        return queryThreadPoolQueueCapacity;
    }

    public int getClientManagerThreadPoolQueueCapacity() {
        return clientManagerThreadPoolQueueCapacity;
    }

    public int getConsumerManagerThreadPoolQueueCapacity() {
        return consumerManagerThreadPoolQueueCapacity;
    }

    public int getHeartbeatThreadPoolQueueCapacity() {
        return heartbeatThreadPoolQueueCapacity;
    }

    public int getEndTransactionPoolQueueCapacity() {
        return endTransactionPoolQueueCapacity;
    }

    public int getAdminBrokerThreadPoolQueueCapacity() {
        return adminBrokerThreadPoolQueueCapacity;
    }

    public int getFlushConsumerOffsetInterval() {
        return flushConsumerOffsetInterval;
    }

    public boolean isRejectTransactionMessage() {
        return rejectTransactionMessage;
    }

    public boolean isLongPollingEnable() {
        return longPollingEnable;
    }

    public long getShortPollingTimeMills() {
        return shortPollingTimeMills;
    }

    public boolean isNotifyConsumerIdsChangedEnable() {
        return notifyConsumerIdsChangedEnable;
    }

    public boolean isTransferMsgByHeap() {
        return transferMsgByHeap;
    }

    public String getRegionId() {
        return regionId;
    }

    public int getRegisterBrokerTimeoutMills() {
        return registerBrokerTimeoutMills;
    }

    public boolean isSlaveReadEnable() {
        return slaveReadEnable;
    }

    public boolean isDisableConsumeIfConsumerReadSlowly() {
        return disableConsumeIfConsumerReadSlowly;
    }

    public boolean isBrokerFastFailureEnable() {
        return brokerFastFailureEnable;
    }

    public long getWaitTimeMillsInSendQueue() {
        return waitTimeMillsInSendQueue;
    }

    public long getWaitTimeMillsInPullQueue() {
        return waitTimeMillsInPullQueue;
    }

    public long getWaitTimeMillsInHeartbeatQueue() {
        return waitTimeMillsInHeartbeatQueue;
    }

    public long getWaitTimeMillsInTransactionQueue() {
        return waitTimeMillsInTransactionQueue;
    }

    public long getStartAcceptSendRequestTimeStamp() {
        return startAcceptSendRequestTimeStamp;
    }

    public boolean isTraceOn() {
        return traceOn;
    }

    public boolean isEnablePropertyFilter() {
        return enablePropertyFilter;
    }

    public boolean isEnableCalcFilterBitMap() {
        return enableCalcFilterBitMap;
    }

    public boolean isFilterSupportRetry() {
        return filterSupportRetry;
    }

    public boolean isCompressedRegister() {
        return compressedRegister;
    }

    public boolean isForceRegister() {
        return forceRegister;
    }

    public int getRegisterNameServerPeriod() {
        return registerNameServerPeriod;
    }

    public long getTransactionTimeOut() {
        return transactionTimeOut;
    }

    public int getTransactionCheckMax() {
        return transactionCheckMax;
    }

    public long getTransactionCheckInterval() {
        return transactionCheckInterval;
    }

    public long getFlushDelayOffsetInterval() {
        return flushDelayOffsetInterval;
    }

    public boolean isAclEnable() {
        return aclEnable;
    }

    public String getRocketmqHome() {
        return rocketmqHome;
    }

    /** The default plain ACL file relative to {@link #getRocketmqHome()} ({@code -Drocketmq.acl.plain.file}). */
    public String getPlainAclFile() {
        return plainAclFile;
    }

    public boolean isStoreReplyMessageEnable() {
        return storeReplyMessageEnable;
    }

    public boolean isOffsetCheckInSlave() {
        return offsetCheckInSlave;
    }

    public long getChannelExpiredTimeoutMillis() {
        return channelExpiredTimeoutMillis;
    }

    public long getRebalanceLockMaxLiveTimeMillis() {
        return rebalanceLockMaxLiveTimeMillis;
    }

    public int getFilterServerNums() {
        return filterServerNums;
    }

    /** The registration period clamped to 10..60 s, as brokers use it. */
    public long registerPeriodMillis() {
        return Math.max(10_000, Math.min(registerNameServerPeriod, 60_000));
    }
}
