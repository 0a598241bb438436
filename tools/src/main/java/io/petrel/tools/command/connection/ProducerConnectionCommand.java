package io.petrel.tools.command.connection;

import io.petrel.common.body.Connection;
import io.petrel.common.body.ProducerConnection;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Opts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code producerConnection}: the online producers of a group that send to a topic, one a line. */
public final class ProducerConnectionCommand extends BaseCommand {
    public ProducerConnectionCommand() {
        super("producerConnection", "Query producer's socket connection and client version");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "g", "producerGroup", "producer group name");
        Opts.required(options, "t", "topic", "topic name");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        ProducerConnection producers = session.admin().examineProducerConnectionInfo(
            line.getOptionValue('g').trim(), line.getOptionValue('t').trim());
        int i = 1;
        for (Connection c : producers.connectionSet()) {
            session.out().printf("%04d  %-32s %-22s %-8s %s%n", i++, c.clientId(), c.clientAddr(), c.language(),
                ClientVersions.name(c.version()));
        }
    }
}
