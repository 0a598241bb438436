package io.petrel.broker;

import io.petrel.broker.config.BrokerConfig;
import io.petrel.common.config.ConfigException;
import io.petrel.common.config.PropertiesBinder;
import io.petrel.remoting.netty.NettyClientConfig;
import io.petrel.remoting.netty.NettyServerConfig;
import io.petrel.store.MessageStoreConfig;
import io.petrel.store.MessageStoreConfigMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mqbroker}: reads {@code -c broker.conf} (RocketMQ's keys), {@code -n} overrides the NameServer list,
 * {@code -p} prints every setting and exits, {@code -m} prints the important ones and exits. A bad value stops
 * start-up with a message naming its key.
 */
public final class BrokerStartup {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerStartup.class);
    private static final Set<String> IMPORTANT = Set.of("brokerClusterName", "brokerName", "brokerId", "brokerRole",
        "namesrvAddr", "listenPort", "brokerIP1", "storePathRootDir", "flushDiskType", "autoCreateTopicEnable",
        "mappedFileSizeCommitLog", "maxMessageSize", "fileReservedTime", "deleteWhen");

    /** Everything a broker is built from. */
    public record Settings(BrokerConfig broker, NettyServerConfig server, NettyClientConfig client,
                           MessageStoreConfig store, Set<String> unknownKeys) {
    }

    private BrokerStartup() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** @return 0 when the broker is running (or a print option finished), non-zero after a start-up failure */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options = new Options();
        options.addOption("c", "configFile", true, "broker config properties file");
        options.addOption("n", "namesrvAddr", true, "name server address list, e.g. '192.168.0.1:9876;192.168.0.2:9876'");
        options.addOption("p", "printConfigItem", false, "print all config items and exit");
        options.addOption("m", "printImportantConfig", false, "print important config items and exit");
        options.addOption("h", "help", false, "print help");
        CommandLine cmd;
        try {
            cmd = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            err.println(e.getMessage());
            new HelpFormatter().printHelp("mqbroker", options);
            return 1;
        }
        if (cmd.hasOption('h')) {
            new HelpFormatter().printHelp("mqbroker", options);
            return 0;
        }
        Settings settings;
        try {
            settings = settings(cmd.getOptionValue('c'), cmd.getOptionValue('n'));
        } catch (ConfigException | IllegalArgumentException | IOException e) {
            err.println("The broker cannot start: " + e.getMessage());
            return 2;
        }
        if (cmd.hasOption('p') || cmd.hasOption('m')) {
            print(settings, cmd.hasOption('m'), out);
            return 0;
        }
        if (!settings.unknownKeys().isEmpty()) {
            LOG.warn("unknown keys in the config file were ignored: {}", settings.unknownKeys());
            err.println("warning: unknown config keys ignored: " + settings.unknownKeys());
        }
        BrokerController controller = new BrokerController(settings.broker(), settings.server(), settings.client(),
            settings.store(), Clock.systemUTC());
        try {
            controller.start();
        } catch (IOException | RuntimeException e) {
            LOG.error("broker start-up failed", e);
            err.println("The broker cannot start: " + e.getMessage());
            return 3;
        }
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            controller.shutdown();
            stopped.countDown();
        }, "BrokerShutdownHook"));
        String line = String.format("The broker[%s, %s] boot success. serializeType=JSON and name server is %s",
            settings.broker().getBrokerName(), controller.brokerAddr(), settings.broker().getNamesrvAddr());
        LOG.info(line);
        out.println(line);
        // Server threads are daemons: the main thread keeps the JVM alive until a shutdown signal.
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Reads and checks the settings from a config file (optional) and a NameServer list (optional). */
    public static Settings settings(String configFile, String namesrvAddr) throws IOException {
        Properties props = new Properties();
        if (configFile != null) {
            Path path = Path.of(configFile);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("config file " + path.toAbsolutePath() + " does not exist");
            }
            try (InputStream in = Files.newInputStream(path)) {
                props.load(in);
            }
        }
        if (namesrvAddr != null) {
            props.setProperty("namesrvAddr", namesrvAddr);
        }
        return settings(props);
    }

    public static Settings settings(Properties props) {
        BrokerConfig broker = new BrokerConfig();
        NettyServerConfig server = new NettyServerConfig();
        server.setListenPort(10911);
        NettyClientConfig client = new NettyClientConfig();
        Set<String> unknown = new PropertiesBinder().bind(props, broker, server, client);
        unknown.retainAll(MessageStoreConfigMapper.unknownKeys(props));
        MessageStoreConfig store = MessageStoreConfigMapper.fromProperties(props);
        broker.validate();
        if (server.getListenPort() < 0 || server.getListenPort() > 65535) {
            throw new ConfigException("listenPort", "must be in 0..65535, got " + server.getListenPort());
        }
        return new Settings(broker, server, client, store, new TreeSet<>(unknown));
    }

    private static void print(Settings s, boolean importantOnly, PrintStream out) {
        Map<String, String> all = new TreeMap<>();
        all.putAll(PropertiesBinder.describe(s.broker()));
        all.putAll(PropertiesBinder.describe(s.server()));
        all.putAll(PropertiesBinder.describe(s.client()));
        all.put("storePathRootDir", String.valueOf(s.store().storePathRootDir()));
        all.put("storePathCommitLog", String.valueOf(s.store().storePathCommitLog()));
        all.put("mappedFileSizeCommitLog", Integer.toString(s.store().mappedFileSizeCommitLog()));
        all.put("mappedFileSizeConsumeQueue", Integer.toString(s.store().mappedFileSizeConsumeQueue()));
        all.put("maxMessageSize", Integer.toString(s.store().maxMessageSize()));
        all.put("flushDiskType", String.valueOf(s.store().flushDiskType()));
        all.put("brokerRole", String.valueOf(s.store().brokerRole()));
        all.put("fileReservedTime", Integer.toString(s.store().fileReservedTimeHours()));
        all.put("deleteWhen", s.store().deleteWhen());
        all.put("diskMaxUsedSpaceRatio", Integer.toString(s.store().diskMaxUsedSpaceRatio()));
        all.put("messageDelayLevel", s.store().messageDelayLevel());
        all.forEach((k, v) -> {
            if (!importantOnly || IMPORTANT.contains(k)) {
                out.println(k + "=" + v);
            }
        });
    }
}
