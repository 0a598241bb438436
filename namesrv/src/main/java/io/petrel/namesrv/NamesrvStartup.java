package io.petrel.namesrv;

import io.petrel.common.config.ConfigException;
import io.petrel.namesrv.config.NamesrvConfig;
import io.petrel.namesrv.config.NamesrvConfigMapper;
import io.petrel.namesrv.config.NamesrvConfigStore;
import io.petrel.remoting.netty.ServerProcessDefaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code mqnamesrv}: reads options and the config file, starts a {@link NamesrvController} and prints one line
 * when it is up. Options: {@code -c FILE} config file, {@code -p} print every setting and exit, {@code -m}
 * print the important settings and exit, {@code -n ADDR} accepted for compatibility (a NameServer needs no
 * NameServer address), {@code -h} help.
 */
public final class NamesrvStartup {
    private NamesrvStartup() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerProcessDefaults.apply();
        CountDownLatch stopped = new CountDownLatch(1);
        int code = run(args, System.out, System.err, stopped);
        if (code >= 0) {
            System.exit(code);
        }
        // The server's threads are daemons: main keeps the JVM alive until the shutdown hook has run.
        stopped.await();
    }

    /**
     * @return an exit code when the process should end (help, print, error), or -1 when the NameServer is
     *     running (a shutdown hook stops it)
     */
    static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stopped) {
        Options options = options();
        CommandLine cli;
        try {
            cli = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            err.println(e.getMessage());
            new HelpFormatter().printHelp(new java.io.PrintWriter(err, true), 100, "mqnamesrv", null, options, 2, 4,
                null, true);
            return 1;
        }
        if (cli.hasOption('h')) {
            new HelpFormatter().printHelp(new java.io.PrintWriter(out, true), 100, "mqnamesrv", null, options, 2, 4,
                null, true);
            return 0;
        }
        NamesrvConfig config;
        try {
            config = loadConfig(cli, err);
        } catch (ConfigException | IOException e) {
            err.println("NameServer not started: " + e.getMessage());
            return 1;
        }
        if (cli.hasOption('p') || cli.hasOption('m')) {
            config.effective().forEach((k, v) -> {
                if (cli.hasOption('p') || NamesrvConfig.IMPORTANT_KEYS.contains(k)) {
                    out.println(k + "=" + v);
                }
            });
            return 0;
        }
        return start(config, out, err, stopped);
    }

    private static int start(NamesrvConfig config, PrintStream out, PrintStream err, CountDownLatch stopped) {
        NamesrvController controller = new NamesrvController(
            new NamesrvConfigStore(new NamesrvConfigMapper(NamesrvConfigMapper.Environment.current()), config),
            System::currentTimeMillis);
        try {
            controller.start();
        } catch (RuntimeException e) {
            err.println("NameServer not started: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            controller.shutdown();
            stopped.countDown();
        }, "NamesrvShutdownHook"));
        out.println("The Name Server boot success. serializeType=JSON, address " + config.bindAddress() + ":"
            + controller.listenPort());
        return -1;
    }

    static NamesrvConfig loadConfig(CommandLine cli, PrintStream err) throws IOException {
        Properties props = new Properties();
        if (cli.hasOption('c')) {
            Path file = Path.of(cli.getOptionValue('c'));
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            }
        }
        NamesrvConfigMapper.Result r = new NamesrvConfigMapper(NamesrvConfigMapper.Environment.current()).map(props);
        NamesrvConfigMapper.describeUnknown(r.unknownKeys()).forEach(err::println);
        return r.config();
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder("c").longOpt("configFile").hasArg().desc("NameServer config properties file").build());
        o.addOption(Option.builder("p").longOpt("printConfigItem").desc("print all config items and exit").build());
        o.addOption(Option.builder("m").longOpt("printImportantConfig").desc("print important config items and exit")
            .build());
        o.addOption(Option.builder("n").longOpt("namesrvAddr").hasArg()
            .desc("accepted for compatibility; a NameServer does not use it").build());
        o.addOption(Option.builder("h").longOpt("help").desc("print help").build());
        return o;
    }
}
