package io.petrel.tools.command.namesrv;

import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code updateNamesrvConfig}: changes one setting on each NameServer given. */
public final class UpdateNamesrvConfigCommand extends BaseCommand {
    public UpdateNamesrvConfigCommand() {
        super("updateNamesrvConfig", "Update configs of name server.");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "k", "key", "config key");
        Opts.required(options, "v", "value", "config value");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String key = line.getOptionValue('k').trim();
        String value = line.getOptionValue('v').trim();
        Properties change = new Properties();
        change.put(key, value);
        List<String> servers = Arrays.asList(session.namesrvAddr().split(";"));
        session.admin().updateNameServerConfig(change, servers);
        // 4.9.7 names the servers only when they were given with -n.
        session.out().printf("update name server config success!%s\n%s : %s\n", line.hasOption('n') ? servers : "",
            key, value);
    }
}
