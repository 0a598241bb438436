package io.petrel.tools.command.topic;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.common.topic.TopicConfig;
import io.petrel.common.topic.TopicFilterType;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.Texts;
import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/** {@code updateTopic}: creates or changes a topic on one broker ({@code -b}) or every master of a cluster. */
public final class UpdateTopicCommand extends BaseCommand {
    private static final int DEFAULT_QUEUE_NUMS = 8;
    private static final int UNIT_FLAG = 0x1;
    private static final int UNIT_SUB_FLAG = 0x2;

    public UpdateTopicCommand() {
        super("updateTopic", "Update or create topic");
    }

    @Override
    public void addOptions(Options options) {
        OptionGroup target = new OptionGroup();
        target.addOption(Option.builder("b").longOpt("brokerAddr").hasArg().desc("create topic to which broker")
            .build());
        target.addOption(Option.builder("c").longOpt("clusterName").hasArg().desc("create topic to which cluster")
            .build());
        target.setRequired(true);
        options.addOptionGroup(target);
        Opts.required(options, "t", "topic", "topic name");
        Opts.optional(options, "r", "readQueueNums", "set read queue nums");
        Opts.optional(options, "w", "writeQueueNums", "set write queue nums");
        Opts.optional(options, "p", "perm", "set topic's permission(2|4|6), intro[2:W 4:R; 6:RW]");
        Opts.optional(options, "o", "order", "set topic's order(true|false)");
        Opts.optional(options, "u", "unit", "is unit topic (true|false)");
        Opts.optional(options, "s", "hasUnitSub", "has unit sub (true|false)");
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        TopicConfig config = configOf(line);
        MQAdminExt admin = session.admin();
        PrintStream out = session.out();
        if (line.hasOption('b')) {
            String addr = line.getOptionValue('b').trim();
            admin.createAndUpdateTopicConfig(addr, config);
            if (config.order()) {
                String orderConf = Clusters.brokerNameOf(admin, addr) + ":" + config.writeQueueNums();
                admin.createOrUpdateOrderConf(config.topicName(), orderConf, false);
                out.printf("set broker orderConf. isOrder=%s, orderConf=[%s]", true, orderConf);
            }
            out.printf("create topic to %s success.%n", addr);
        } else {
            String cluster = line.getOptionValue('c').trim();
            for (String addr : Clusters.masterAddrs(admin, cluster)) {
                admin.createAndUpdateTopicConfig(addr, config);
                out.printf("create topic to %s success.%n", addr);
            }
            if (config.order()) {
                StringBuilder orderConf = new StringBuilder();
                for (String broker : Clusters.brokerNames(admin, cluster)) {
                    orderConf.append(orderConf.length() == 0 ? "" : ";").append(broker).append(':')
                        .append(config.writeQueueNums());
                }
                admin.createOrUpdateOrderConf(config.topicName(), orderConf.toString(), true);
                out.printf("set cluster orderConf. isOrder=%s, orderConf=[%s]", true, orderConf);
            }
        }
        out.printf("%s", config);
    }

    private static TopicConfig configOf(CommandLine line) throws Exception {
        String topic = line.getOptionValue('t').trim();
        int read = line.hasOption('r') ? Texts.intOption("-r", line.getOptionValue('r')) : DEFAULT_QUEUE_NUMS;
        int write = line.hasOption('w') ? Texts.intOption("-w", line.getOptionValue('w')) : DEFAULT_QUEUE_NUMS;
        int perm = line.hasOption('p') ? Texts.intOption("-p", line.getOptionValue('p')) : TopicConfig.DEFAULT_PERM;
        int sysFlag = (bool(line, 'u') ? UNIT_FLAG : 0) | (bool(line, 's') ? UNIT_SUB_FLAG : 0);
        return new TopicConfig(topic, read, write, perm, TopicFilterType.SINGLE_TAG, sysFlag, bool(line, 'o'));
    }

    private static boolean bool(CommandLine line, char option) {
        return line.hasOption(option) && Boolean.parseBoolean(line.getOptionValue(option).trim());
    }
}
