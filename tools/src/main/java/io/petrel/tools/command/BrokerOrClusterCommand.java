package io.petrel.tools.command;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * A command that acts on one broker ({@code -b brokerAddr}) or on a cluster ({@code -c clusterName}): the options
 * and the choice live here, the two actions in the subclass.
 */
public abstract class BrokerOrClusterCommand extends BaseCommand {
    private final String brokerDescription;
    private final String clusterDescription;

    protected BrokerOrClusterCommand(String name, String description, String brokerDescription,
                                     String clusterDescription) {
        super(name, description);
        this.brokerDescription = brokerDescription;
        this.clusterDescription = clusterDescription;
    }

    @Override
    public void addOptions(Options options) {
        Opts.brokerOrCluster(options, brokerDescription, clusterDescription);
        addMoreOptions(options);
    }

    /** The command's options besides {@code -b} and {@code -c}; none unless overridden. */
    protected void addMoreOptions(Options options) {
    }

    @Override
    public final void execute(CommandLine line, AdminSession session) throws Exception {
        Opts.requireBrokerOrCluster(line);
        if (line.hasOption('b')) {
            onBroker(line.getOptionValue('b').trim(), line, session);
        } else {
            onCluster(line.getOptionValue('c').trim(), line, session);
        }
    }

    protected abstract void onBroker(String addr, CommandLine line, AdminSession session) throws Exception;

    protected abstract void onCluster(String cluster, CommandLine line, AdminSession session) throws Exception;
}
