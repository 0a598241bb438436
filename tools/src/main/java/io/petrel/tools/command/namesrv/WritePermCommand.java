package io.petrel.tools.command.namesrv;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code wipeWritePerm} and {@code addWritePerm}: take away or give back a broker's write permission on every
 * NameServer given. A NameServer that refuses is reported on its own line and the run fails at the end.
 */
public final class WritePermCommand extends BaseCommand {
    private final boolean wipe;

    private WritePermCommand(boolean wipe) {
        super(wipe ? "wipeWritePerm" : "addWritePerm",
            (wipe ? "Wipe" : "Add") + " write perm of broker in all name server you defined in the -n param");
        this.wipe = wipe;
    }

    public static WritePermCommand wipe() {
        return new WritePermCommand(true);
    }

    public static WritePermCommand add() {
        return new WritePermCommand(false);
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "b", "brokerName", "broker name");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String broker = line.getOptionValue('b').trim();
        MQAdminExt admin = session.admin();
        String verb = wipe ? "wipe" : "add";
        int failed = 0;
        for (String namesrv : admin.getNameServerAddressList()) {
            try {
                int topics = wipe ? admin.wipeWritePermOfBroker(namesrv, broker)
                    : admin.addWritePermOfBroker(namesrv, broker);
                session.out().printf("%s write perm of broker[%s] in name server[%s] OK, %d%n", verb, broker,
                    namesrv, topics);
            } catch (Exception e) {
                session.out().printf("%s write perm of broker[%s] in name server[%s] Failed%n", verb, broker,
                    namesrv);
                failed++;
            }
        }
        if (failed > 0) {
            throw new CommandException(failed + " NameServer(s) refused");
        }
    }
}
