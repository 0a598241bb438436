package io.petrel.broker;

import io.petrel.broker.config.BrokerConfigStore;
import io.petrel.broker.config.BrokerSettings;
import io.petrel.common.config.ConfigException;
import io.petrel.remoting.netty.ServerProcessDefaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.Set;
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

    private BrokerStartup() {
    }

    public static void main(String[] args) {
        ServerProcessDefaults.apply();
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** @return 0 when the broker is running (or a print option finished), non-zero after a start-up failure */
    public static int run(String[] args, PrintStream out, PrintStream err) {
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
        BrokerSettings settings;
        String configFile = cmd.getOptionValue('c');
        try {
            settings = settings(configFile, cmd.getOptionValue('n'));
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
        Path persistTo = configFile != null ? Path.of(configFile) : BrokerConfigStore.defaultFile(settings);
        BrokerController controller = new BrokerController(settings, persistTo, Clock.systemUTC());
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
    public static BrokerSettings settings(String configFile, String namesrvAddr) throws IOException {
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

    public static BrokerSettings settings(Properties props) {
        return BrokerSettings.map(props);
    }

    private static void print(BrokerSettings s, boolean importantOnly, PrintStream out) {
        s.effective().forEach((k, v) -> {
            if (!importantOnly || IMPORTANT.contains(k)) {
                out.println(k + "=" + v);
            }
        });
    }
}
