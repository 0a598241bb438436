package io.petrel.tools.command.export;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.route.BrokerData;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.PrettyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code exportConfigs}: writes {@code configs.json} with the chosen settings of each master of a cluster and the
 * cluster's scale (NameServers, masters, slaves). As in 4.9.7 the confirmation ends without a line break.
 */
public final class ExportConfigsCommand extends BaseCommand {
    /** Where the export commands write when {@code -f} is not given. */
    public static final String DEFAULT_DIR = "/tmp/rocketmq/export";

    /** The broker settings exported, as 4.9.7 chooses them. */
    private static final List<String> EXPORTED = List.of("brokerClusterName", "brokerId", "brokerName",
        "brokerRole", "fileReservedTime", "filterServerNums", "flushDiskType", "maxMessageSize",
        "messageDelayLevel", "msgTraceTopicName", "slaveReadEnable", "traceOn", "traceTopicEnable", "useTLS",
        "autoCreateTopicEnable", "autoCreateSubscriptionGroup");

    public ExportConfigsCommand() {
        super("exportConfigs", "export configs");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "c", "clusterName", "choose a cluster to export");
        Opts.optional(options, "f", "filePath", "export configs.json path | default " + DEFAULT_DIR);
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String cluster = line.getOptionValue('c').trim();
        MQAdminExt admin = session.admin();
        Map<String, Map<String, String>> configs = new TreeMap<>();
        int masters = 0;
        int slaves = 0;
        for (BrokerData broker : Clusters.brokers(admin, cluster)) {
            if (broker.masterAddr() == null) {
                throw new CommandException("broker " + broker.brokerName() + " has no master");
            }
            masters++;
            slaves += broker.brokerAddrs().size() - 1;
            Properties all = admin.getBrokerConfig(broker.masterAddr());
            Map<String, String> chosen = new TreeMap<>();
            for (String key : EXPORTED) {
                String value = all.getProperty(key);
                if (value == null) {
                    throw new CommandException("broker " + broker.masterAddr() + " does not report " + key);
                }
                chosen.put(key, value);
            }
            configs.put(all.getProperty("brokerName"), chosen);
        }
        PrettyJson json = new PrettyJson().openObject().name("brokerConfigs").openObject();
        configs.forEach((name, settings) -> {
            json.name(name).openObject();
            settings.forEach((key, value) -> json.name(key).value(value));
            json.closeObject();
        });
        json.closeObject().name("clusterScale").openObject()
            .name("masterBrokerSize").value(masters)
            .name("namesrvSize").value(admin.getNameServerAddressList().size())
            .name("slaveBrokerSize").value(slaves)
            .closeObject().closeObject();
        String file = write(line, "configs.json", json.toString());
        session.out().printf("export %s success", file);
    }

    /**
     * Writes {@code text} to {@code name} in the {@code -f} directory (else {@link #DEFAULT_DIR}), made if missing;
     * returns the file's path as given.
     */
    static String write(CommandLine line, String name, String text) throws IOException {
        String path = (line.hasOption('f') ? line.getOptionValue('f').trim() : DEFAULT_DIR) + "/" + name;
        Path file = Path.of(path);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text);
        return path;
    }
}
