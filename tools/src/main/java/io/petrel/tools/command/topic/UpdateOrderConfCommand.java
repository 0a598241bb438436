package io.petrel.tools.command.topic;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.CommandException;
import io.petrel.tools.command.Opts;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code updateOrderConf}: puts, gets or deletes an order topic's queue layout in the NameServers'
 * {@value #NAMESPACE} namespace. As in 4.9.7 the confirmations end without a line break.
 */
public final class UpdateOrderConfCommand extends BaseCommand {
    static final String NAMESPACE = "ORDER_TOPIC_CONFIG";

    public UpdateOrderConfCommand() {
        super("updateOrderConf", "Create or update or delete order conf");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "t", "topic", "topic name");
        Opts.optional(options, "v", "orderConf", "set order conf [eg. brokerName1:num;brokerName2:num]");
        Opts.required(options, "m", "method", "option type [eg. put|get|delete");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        String topic = line.getOptionValue('t').trim();
        String method = line.getOptionValue('m').trim();
        MQAdminExt admin = session.admin();
        switch (method) {
            case "get" -> session.out().printf("get orderConf success. topic=[%s], orderConf=[%s] ", topic,
                admin.getKVConfig(NAMESPACE, topic));
            case "put" -> {
                String orderConf = line.hasOption('v') ? line.getOptionValue('v').trim() : "";
                if (orderConf.isEmpty()) {
                    throw new CommandException("please set orderConf with option -v.");
                }
                admin.createOrUpdateOrderConf(topic, orderConf, true);
                session.out().printf("update orderConf success. topic=[%s], orderConf=[%s]", topic, orderConf);
            }
            case "delete" -> {
                admin.deleteKvConfig(NAMESPACE, topic);
                session.out().printf("delete orderConf success. topic=[%s]", topic);
            }
            default -> throw new CommandException("unknown method " + method + "; expected put, get or delete");
        }
    }
}
