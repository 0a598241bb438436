package io.petrel.tools.command.group;

import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.monitor.DefaultMonitorListener;
import io.petrel.tools.monitor.MonitorService;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code startMonitoring}: watches the cluster's consumer groups until stopped, a round 20 s after the start and then
 * every minute, and writes what it finds to the tools log (undone and failed messages per group and topic, clients
 * subscribing differently or stuck, offset-moved events); it prints nothing.
 */
public final class StartMonitoringCommand extends BaseCommand {
    public StartMonitoringCommand() {
        super("startMonitoring", "Start Monitoring");
    }

    @Override
    public void addOptions(Options options) {
        // none besides -n
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        MonitorService monitor = new MonitorService(session.namesrvAddr(), MonitorService.DEFAULT_ROUND_INTERVAL_MILLIS,
            new DefaultMonitorListener());
        try {
            monitor.start();
            monitor.runUntilInterrupted();
        } finally {
            monitor.shutdown();
        }
    }
}
