package io.petrel.tools.command.namesrv;

import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code deleteKvConfig}: removes one key of a NameServer KV namespace. */
public final class DeleteKvConfigCommand extends BaseCommand {
    public DeleteKvConfigCommand() {
        super("deleteKvConfig", "Delete KV config.");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "s", "namespace", "set the namespace");
        Opts.required(options, "k", "key", "set the key name");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        session.admin().deleteKvConfig(line.getOptionValue('s').trim(), line.getOptionValue('k').trim());
        session.out().printf("delete kv config from namespace success.%n");
    }
}
