package io.petrel.tools.command.namesrv;

import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code updateKvConfig}: sets one key of a NameServer KV namespace. */
public final class UpdateKvConfigCommand extends BaseCommand {
    public UpdateKvConfigCommand() {
        super("updateKvConfig", "Create or update KV config.");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "s", "namespace", "set the namespace");
        Opts.required(options, "k", "key", "set the key name");
        Opts.required(options, "v", "value", "set the key value");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        session.admin().createAndUpdateKvConfig(line.getOptionValue('s').trim(), line.getOptionValue('k').trim(),
            line.getOptionValue('v').trim());
        session.out().printf("create or update kv config to namespace success.%n");
    }
}
