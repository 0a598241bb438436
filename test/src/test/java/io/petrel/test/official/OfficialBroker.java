package io.petrel.test.official;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An official RocketMQ 4.9.7 broker in a child JVM: loopback address, free ports, its own store under a
 * temporary directory, small CommitLog and ConsumeQueue files, automatic topic creation on. A master by default;
 * {@link #startSlave} starts a slave. Extra config lines come after the defaults in broker.conf, and the official
 * start-up reads the file with {@code Properties.load}, so the last line of a key wins.
 */
public final class OfficialBroker implements AutoCloseable {
    public static final String CLUSTER = "DefaultCluster";

    private static final String PLAIN_ACL_FILE = "plain_acl.yml";
    private static final List<String> SLAVE_CONF = List.of("brokerRole=SLAVE", "brokerId=1");

    private final ChildJvm process;
    private final String brokerName;
    private final int port;
    /** Lines this broker always starts with before the caller's, e.g. its slave role. */
    private final List<String> roleConf;
    private final Path storeDir;

    private OfficialBroker(ChildJvm process, String brokerName, int port, List<String> roleConf, Path storeDir) {
        this.process = process;
        this.storeDir = storeDir;
        this.brokerName = brokerName;
        this.port = port;
        this.roleConf = roleConf;
    }

    /**
     * Starts a broker registering with {@code namesrvAddr} ({@code "a:1;b:2"} for several) and waits for its boot
     * line.
     */
    public static OfficialBroker start(Path dir, String brokerName, String namesrvAddr) throws IOException {
        return start(dir, brokerName, namesrvAddr, List.of());
    }

    /** As {@link #start(Path, String, String)}, with extra {@code key=value} lines for broker.conf. */
    public static OfficialBroker start(Path dir, String brokerName, String namesrvAddr, List<String> extraConf)
        throws IOException {
        return start(dir, brokerName, namesrvAddr, List.of(), extraConf, FreePorts.brokerPort());
    }

    /**
     * As {@link #start(Path, String, String)} with ACL on ({@code aclEnable=true}): {@code plainAclYml} becomes the
     * broker's {@code conf/plain_acl.yml} under its home, where 4.9.7's plain ACL reads its default file.
     */
    public static OfficialBroker startWithAcl(Path dir, String brokerName, String namesrvAddr, String plainAclYml)
        throws IOException {
        Files.writeString(Files.createDirectories(dir.resolve("conf")).resolve(PLAIN_ACL_FILE), plainAclYml);
        return start(dir, brokerName, namesrvAddr, List.of("aclEnable=true"));
    }

    /** The default plain ACL file of a broker started in {@code dir} (see {@link #startWithAcl}). */
    public static Path plainAclFile(Path dir) {
        return dir.resolve("conf").resolve(PLAIN_ACL_FILE);
    }

    /**
     * Starts a slave ({@code brokerRole=SLAVE}, {@code brokerId=1}) of the master of the same {@code brokerName};
     * it finds the master through the NameServers. {@code extraConf} may override the id (e.g. a second slave).
     */
    public static OfficialBroker startSlave(Path dir, String brokerName, String namesrvAddr, List<String> extraConf)
        throws IOException {
        return start(dir, brokerName, namesrvAddr, SLAVE_CONF, extraConf, FreePorts.brokerPort());
    }

    /** Stops this broker cleanly and starts it again on the same store, port and role. */
    public OfficialBroker restart(Path dir, String namesrvAddr, List<String> extraConf) throws IOException {
        close();
        return start(dir, brokerName, namesrvAddr, roleConf, extraConf, port);
    }

    private static OfficialBroker start(Path dir, String brokerName, String namesrvAddr, List<String> roleConf,
                                        List<String> extraConf, int port) throws IOException {
        Path home = OfficialHome.create(Files.createDirectories(dir));
        Path store = home.resolve("store");
        String conf = String.join("\n",
            String.join("\n", identityLines(CLUSTER, brokerName, namesrvAddr, port)),
            "storePathRootDir=" + store,
            "storePathCommitLog=" + store.resolve("commitlog"),
            "mappedFileSizeCommitLog=" + (16 * 1024 * 1024),
            "mappedFileSizeConsumeQueue=" + (30_000 * 20),
            "autoCreateTopicEnable=true",
            "brokerRole=ASYNC_MASTER",
            "flushDiskType=ASYNC_FLUSH",
            "diskMaxUsedSpaceRatio=95",
            "sendMessageThreadPoolNums=2",
            "pullMessageThreadPoolNums=4",
            "useEpollNativeSelector=false",
            String.join("\n", roleConf),
            String.join("\n", extraConf),
            "");
        Path confFile = home.resolve("broker.conf");
        Files.writeString(confFile, conf);
        ChildJvm p = ChildJvm.start(home, "org.apache.rocketmq.broker.BrokerStartup", 384,
            List.of("-c", confFile.toString()));
        p.awaitOutputOrClose("boot success", Duration.ofSeconds(90));
        return new OfficialBroker(p, brokerName, port, roleConf, store);
    }

    /** The lines of a broker.conf naming an official broker, its NameServers and its loopback port (id 0). */
    public static List<String> identityLines(String cluster, String brokerName, String namesrvAddr, int port) {
        return List.of("brokerClusterName=" + cluster, "brokerName=" + brokerName, "brokerId=0",
            "namesrvAddr=" + namesrvAddr, "listenPort=" + port, "brokerIP1=127.0.0.1", "brokerIP2=127.0.0.1");
    }

    public String brokerName() {
        return brokerName;
    }

    /** The address clients use, {@code 127.0.0.1:port}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** The HA port: always listenPort + 1. */
    public int haPort() {
        return port + 1;
    }

    /** The store root ({@code commitlog/}, {@code consumequeue/}, …). */
    public Path storeDir() {
        return storeDir;
    }

    public String output() {
        return process.output();
    }

    /** Stops the broker like kill -9 (it does not unregister). */
    public void kill() {
        process.kill();
    }

    /** Shuts the broker down cleanly (SIGTERM): it flushes, persists and unregisters. */
    public void stop() {
        process.stop();
    }

    /** Teardown: ends the process at once. */
    @Override
    public void close() {
        process.close();
    }
}
