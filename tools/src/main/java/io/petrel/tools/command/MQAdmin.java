package io.petrel.tools.command;

import io.petrel.remoting.RPCHook;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * Petrel's {@code mqadmin}: {@code mqadmin} lists the commands, {@code mqadmin help CMD} prints one command's usage,
 * {@code mqadmin CMD [options]} runs it; as in 4.9.7, a command's name may be given in any case
 * ({@code QueryMsgTraceById}). The NameServer comes from {@code -n}, else the {@code NAMESRV_ADDR}
 * environment variable, else the {@code rocketmq.namesrv.addr} system property.
 *
 * <p>Unlike RocketMQ's tool, {@link #run} returns an exit code instead of exiting, and every failure is one line on
 * the error stream: tests run commands in this JVM and read both streams.
 */
public final class MQAdmin {
    public static final String NAMESRV_ADDR_ENV = "NAMESRV_ADDR";
    public static final String NAMESRV_ADDR_PROPERTY = "rocketmq.namesrv.addr";
    private static final int HELP_WIDTH = 110;

    /** The commands in their order, by their names in lower case. */
    private final Map<String, SubCommand> commands = new LinkedHashMap<>();
    /** The commands by alias in lower case; the list shows only their names. */
    private final Map<String, SubCommand> aliases = new LinkedHashMap<>();
    private final PrintStream out;
    private final PrintStream err;
    private final String defaultNamesrvAddr;
    private final RPCHook rpcHook;

    /**
     * @param defaultNamesrvAddr the NameServer used when {@code -n} is absent; {@code null} for none
     */
    public MQAdmin(List<SubCommand> commands, PrintStream out, PrintStream err, String defaultNamesrvAddr) {
        this(commands, out, err, defaultNamesrvAddr, null);
    }

    /**
     * @param rpcHook signs the requests of every command (plain ACL, see {@link ToolsCredentials}); null for none
     */
    public MQAdmin(List<SubCommand> commands, PrintStream out, PrintStream err, String defaultNamesrvAddr,
                   RPCHook rpcHook) {
        this.rpcHook = rpcHook;
        for (SubCommand c : commands) {
            this.commands.put(c.name().toLowerCase(Locale.ROOT), c);
            if (c.alias() != null) {
                aliases.put(c.alias().toLowerCase(Locale.ROOT), c);
            }
        }
        this.out = out;
        this.err = err;
        this.defaultNamesrvAddr = defaultNamesrvAddr;
    }

    public static void main(String[] args) {
        String namesrv = defaultNamesrvAddr(System.getenv(), System.getProperties());
        RPCHook hook;
        try {
            hook = ToolsCredentials.fromHome(installationHome(System.getProperties(), System.getenv()));
        } catch (java.io.IOException e) {
            System.err.println("mqadmin: " + e.getMessage());
            System.exit(1);
            return;
        }
        int code = new MQAdmin(Commands.all(), System.out, System.err, namesrv, hook).run(args);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Where {@code conf/tools.yml} is looked for: the installation ({@code -Dpetrel.home}, set by the scripts), else
     * RocketMQ's {@code -Drocketmq.home.dir} or {@code ROCKETMQ_HOME}.
     */
    static String installationHome(Properties properties, Map<String, String> env) {
        String home = properties.getProperty("petrel.home");
        if (home == null || home.isBlank()) {
            home = properties.getProperty("rocketmq.home.dir", env.get("ROCKETMQ_HOME"));
        }
        return home;
    }

    /** The NameServer from the environment, else from the system properties; {@code null} when neither names one. */
    public static String defaultNamesrvAddr(Map<String, String> env, Properties properties) {
        String fromEnv = env.get(NAMESRV_ADDR_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        return properties.getProperty(NAMESRV_ADDR_PROPERTY);
    }

    /** Runs one {@code mqadmin} invocation and returns its exit code: 0 on success. */
    public int run(String... args) {
        if (args.length == 0) {
            printCommandList();
            return 0;
        }
        if (args[0].equals("help") && args.length == 2) {
            return help(args[1]);
        }
        SubCommand cmd = find(args[0]);
        if (cmd == null) {
            return fail(null, "unknown command '" + args[0] + "'; run mqadmin for the list of commands");
        }
        return execute(cmd, Arrays.copyOfRange(args, 1, args.length));
    }

    /** The command named or aliased {@code name}, in any case, as 4.9.7 finds them. */
    private SubCommand find(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        SubCommand cmd = commands.get(key);
        return cmd != null ? cmd : aliases.get(key);
    }

    private void printCommandList() {
        out.printf("The most commonly used mqadmin commands are:%n");
        for (SubCommand cmd : commands.values()) {
            out.printf("   %-20s %s%n", cmd.name(), cmd.description());
        }
        out.printf("%nSee 'mqadmin help <command>' for more information on a specific command.%n");
    }

    private int help(String name) {
        SubCommand cmd = find(name);
        if (cmd == null) {
            return fail(null, "unknown command '" + name + "'; run mqadmin for the list of commands");
        }
        printUsage(cmd);
        return 0;
    }

    private int execute(SubCommand cmd, String[] args) {
        // Usage asked for wins over missing required options.
        if (Arrays.asList(args).contains("-h") || Arrays.asList(args).contains("--help")) {
            printUsage(cmd);
            return 0;
        }
        Options options = optionsOf(cmd);
        CommandLine line;
        try {
            line = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            return fail(cmd, oneLine(e.getMessage()) + "; see mqadmin help " + cmd.name());
        }
        String namesrv = line.hasOption('n') ? line.getOptionValue('n').trim() : defaultNamesrvAddr;
        try (AdminSession session = new AdminSession(namesrv, out, rpcHook)) {
            cmd.execute(line, session);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(cmd, "interrupted");
        } catch (Exception | LinkageError e) {
            return fail(cmd, describe(e));
        }
    }

    private static Options optionsOf(SubCommand cmd) {
        Options options = new Options();
        options.addOption(new Option("h", "help", false, "Print help"));
        options.addOption(new Option("n", "namesrvAddr", true,
            "Name server address list, eg: '192.168.0.1:9876;192.168.0.2:9876'"));
        cmd.addOptions(options);
        return options;
    }

    private void printUsage(SubCommand cmd) {
        HelpFormatter formatter = new HelpFormatter();
        PrintWriter w = new PrintWriter(out);
        formatter.printHelp(w, HELP_WIDTH, "mqadmin " + cmd.name(), null, optionsOf(cmd),
            formatter.getLeftPadding(), formatter.getDescPadding(), null, true);
        w.flush();
    }

    private int fail(SubCommand cmd, String message) {
        err.println("mqadmin" + (cmd == null ? "" : " " + cmd.name()) + ": " + message);
        return 1;
    }

    /** One line from an exception and its causes: each distinct message once, outermost first. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : oneLine(t.getMessage());
            if (sb.indexOf(m) < 0) {
                sb.append(sb.length() == 0 ? "" : ": ").append(m);
            }
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
