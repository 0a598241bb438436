package io.petrel.tools.command;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Short-hands for the three kinds of option the commands take. */
public final class Opts {
    private Opts() {
    }

    /** A required option with a value. */
    public static void required(Options options, String name, String longName, String description) {
        options.addOption(Option.builder(name).longOpt(longName).hasArg().required().desc(description).build());
    }

    /** An optional option with a value. */
    public static void optional(Options options, String name, String longName, String description) {
        options.addOption(Option.builder(name).longOpt(longName).hasArg().desc(description).build());
    }

    /** An optional switch without a value. */
    public static void flag(Options options, String name, String longName, String description) {
        options.addOption(Option.builder(name).longOpt(longName).desc(description).build());
    }

    /** The optional {@code -b brokerAddr} and {@code -c clusterName} of the commands that act on either. */
    public static void brokerOrCluster(Options options, String brokerDescription, String clusterDescription) {
        optional(options, "b", "brokerAddr", brokerDescription);
        optional(options, "c", "clusterName", clusterDescription);
    }

    /** Fails unless the command line names a broker ({@code -b}) or a cluster ({@code -c}) to act on. */
    public static void requireBrokerOrCluster(CommandLine line) throws CommandException {
        if (!line.hasOption('b') && !line.hasOption('c')) {
            throw new CommandException("give the broker (-b) or the cluster (-c)");
        }
    }
}
