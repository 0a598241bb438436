package io.petrel.tools.command.namesrv;

import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.broker.SettingsPrinter;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code getNamesrvConfig}: every setting of each NameServer given. */
public final class GetNamesrvConfigCommand extends BaseCommand {
    public GetNamesrvConfigCommand() {
        super("getNamesrvConfig", "Get configs of name server.");
    }

    @Override
    public void addOptions(Options options) {
        // only -n, which every command has
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        Map<String, Properties> configs = session.admin()
            .getNameServerConfig(Arrays.asList(session.namesrvAddr().split(";")));
        for (Map.Entry<String, Properties> e : configs.entrySet()) {
            session.out().printf("============%s============\n", e.getKey());
            SettingsPrinter.print(e.getValue(), session.out());
        }
    }
}
