package io.petrel.tools.command.producer;

import io.petrel.common.body.ProducerInfo;
import io.petrel.common.body.ProducerTableInfo;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code producer}: every producer group connected to one broker, a line per client. */
public final class ProducerCommand extends BaseCommand {
    public ProducerCommand() {
        super("producer", "Query producer's instances, connection, status, etc.");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "b", "broker", "broker address");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        ProducerTableInfo table = session.admin().getAllProducerInfo(line.getOptionValue('b').trim());
        PrintStream out = session.out();
        for (Map.Entry<String, List<ProducerInfo>> group : table.data().entrySet()) {
            if (group.getValue().isEmpty()) {
                out.printf("producer group (%s) instances are empty%n", group.getKey());
                continue;
            }
            for (ProducerInfo p : group.getValue()) {
                out.printf("producer group (%s) instance : clientId=%s,remoteIP=%s, language=%s, version=%d, "
                    + "lastUpdateTimestamp=%d%n", group.getKey(), p.clientId(), p.remoteIP(), p.language(),
                    p.version(), p.lastUpdateTimestamp());
            }
        }
    }
}
