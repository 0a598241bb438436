package io.petrel.tools.command.group;

import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BrokerOrClusterCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code updateSubGroup}: creates or changes a consumer group on one broker or every master of a cluster. */
public final class UpdateSubGroupCommand extends BrokerOrClusterCommand {
    public UpdateSubGroupCommand() {
        super("updateSubGroup", "Update or create subscription group", "create subscription group to which broker",
            "create subscription group to which cluster");
    }

    @Override
    protected void addMoreOptions(Options options) {
        Opts.required(options, "g", "groupName", "consumer group name");
        Opts.optional(options, "s", "consumeEnable", "consume enable");
        Opts.optional(options, "m", "consumeFromMinEnable", "from min offset");
        Opts.optional(options, "d", "consumeBroadcastEnable", "broadcast");
        Opts.optional(options, "q", "retryQueueNums", "retry queue nums");
        Opts.optional(options, "r", "retryMaxTimes", "retry max times");
        Opts.optional(options, "i", "brokerId", "consumer from which broker id");
        Opts.optional(options, "w", "whichBrokerWhenConsumeSlowly", "which broker id when consume slowly");
        Opts.optional(options, "a", "notifyConsumerIdsChanged", "notify consumerId changed");
    }

    @Override
    protected void onBroker(String addr, CommandLine line, AdminSession session) throws Exception {
        SubscriptionGroupConfig config = configOf(line);
        createOn(addr, config, session);
        session.out().printf("%s", Texts.groupConfig(config));
    }

    @Override
    protected void onCluster(String cluster, CommandLine line, AdminSession session) throws Exception {
        SubscriptionGroupConfig config = configOf(line);
        for (String addr : Clusters.masterAddrs(session.admin(), cluster)) {
            createOn(addr, config, session);
        }
        session.out().printf("%s", Texts.groupConfig(config));
    }

    private static void createOn(String addr, SubscriptionGroupConfig config, AdminSession session)
        throws Exception {
        session.admin().createAndUpdateSubscriptionGroupConfig(addr, config);
        session.out().printf("create subscription group to %s success.%n", addr);
    }

    /** The group's defaults, except that the command starts with broadcast and from-min off, then the options. */
    private static SubscriptionGroupConfig configOf(CommandLine line) throws CommandException {
        SubscriptionGroupConfig d = SubscriptionGroupConfig.defaults(line.getOptionValue('g').trim());
        return new SubscriptionGroupConfig(d.groupName(),
            bool(line, 's', d.consumeEnable()),
            bool(line, 'm', false),
            bool(line, 'd', false),
            line.hasOption('q') ? Texts.intOption("-q", line.getOptionValue('q')) : d.retryQueueNums(),
            line.hasOption('r') ? Texts.intOption("-r", line.getOptionValue('r')) : d.retryMaxTimes(),
            line.hasOption('i') ? Texts.longOption("-i", line.getOptionValue('i')) : d.brokerId(),
            line.hasOption('w') ? Texts.longOption("-w", line.getOptionValue('w')) : d.whichBrokerWhenConsumeSlowly(),
            bool(line, 'a', d.notifyConsumerIdsChangedEnable()));
    }

    private static boolean bool(CommandLine line, char option, boolean otherwise) {
        return line.hasOption(option) ? Boolean.parseBoolean(line.getOptionValue(option).trim()) : otherwise;
    }
}
