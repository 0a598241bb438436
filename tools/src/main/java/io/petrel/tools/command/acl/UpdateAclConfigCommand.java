package io.petrel.tools.command.acl;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.body.PlainAccessConfig;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BrokerOrClusterCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Opts;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code updateAclConfig}: adds an account to the plain ACL of one broker, or of every master and slave of a
 * cluster, or replaces the account with the same access key; then prints the account (without its secret key).
 */
public final class UpdateAclConfigCommand extends BrokerOrClusterCommand {
    public UpdateAclConfigCommand() {
        super("updateAclConfig", "Update acl config yaml file in broker", "update acl config file to which broker",
            "update acl config file to which cluster");
    }

    @Override
    protected void addMoreOptions(Options options) {
        Opts.required(options, "a", "accessKey", "set accessKey in acl config file");
        Opts.required(options, "s", "secretKey", "set secretKey in acl config file");
        Opts.optional(options, "w", "whiteRemoteAddress", "set white ip Address for account in acl config file");
        Opts.optional(options, "i", "defaultTopicPerm", "set default topicPerm in acl config file");
        Opts.optional(options, "u", "defaultGroupPerm", "set default GroupPerm in acl config file");
        Opts.optional(options, "t", "topicPerms", "set topicPerms list,eg: topicA=DENY,topicD=SUB");
        Opts.optional(options, "g", "groupPerms", "set groupPerms list,eg: groupD=DENY,groupD=SUB");
        Opts.optional(options, "m", "admin", "set admin flag in acl config file");
    }

    @Override
    protected void onBroker(String addr, CommandLine line, AdminSession session) throws Exception {
        PlainAccessConfig account = account(line);
        session.admin().createAndUpdatePlainAccessConfig(addr, account);
        session.out().printf("create or update plain access config to %s success.%n", addr);
        session.out().printf("%s%n", describe(account));
    }

    @Override
    protected void onCluster(String cluster, CommandLine line, AdminSession session) throws Exception {
        PlainAccessConfig account = account(line);
        MQAdminExt admin = session.admin();
        for (String addr : Clusters.allAddrs(admin, cluster)) {
            admin.createAndUpdatePlainAccessConfig(addr, account);
            session.out().printf("create or update plain access config to %s success.%n", addr);
        }
        session.out().printf("%s%n", describe(account));
    }

    private static PlainAccessConfig account(CommandLine line) {
        return new PlainAccessConfig(value(line, 'a'), value(line, 's'), value(line, 'w'),
            line.hasOption('m') && Boolean.parseBoolean(value(line, 'm')), value(line, 'i'), value(line, 'u'),
            list(line, 't'), list(line, 'g'));
    }

    private static String value(CommandLine line, char option) {
        return line.hasOption(option) ? line.getOptionValue(option).trim() : null;
    }

    /** A comma-separated option as a list; null when the option is absent. */
    private static List<String> list(CommandLine line, char option) {
        String v = value(line, option);
        return v == null ? null : Arrays.asList(v.split(","));
    }

    /** The account as one line, its secret key left out. */
    static String describe(PlainAccessConfig c) {
        return "PlainAccessConfig{accessKey='" + c.accessKey() + "', whiteRemoteAddress='" + c.whiteRemoteAddress()
            + "', admin=" + c.admin() + ", defaultTopicPerm='" + c.defaultTopicPerm() + "', defaultGroupPerm='"
            + c.defaultGroupPerm() + "', topicPerms=" + c.topicPerms() + ", groupPerms=" + c.groupPerms() + "}";
    }
}
