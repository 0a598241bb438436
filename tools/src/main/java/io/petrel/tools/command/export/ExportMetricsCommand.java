package io.petrel.tools.command.export;

import io.petrel.client.admin.MQAdminExt;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.body.BrokerStatsData;
import io.petrel.common.body.Connection;
import io.petrel.common.route.BrokerData;
import io.petrel.remoting.protocol.RemotingVersion;
import io.petrel.tools.command.AdminSession;
import io.petrel.tools.command.BaseCommand;
import io.petrel.tools.command.Clusters;
import io.petrel.tools.command.Opts;
import io.petrel.tools.command.PrettyJson;
import io.petrel.tools.command.connection.ClientVersions;
import io.petrel.tools.command.stats.StatsAllCommand;
import java.util.ArrayList;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code exportMetrics}: writes {@code metrics.json} with each master's machine, load (disk use, TPS, day's counts,
 * topic and group numbers) and client versions, and the cluster's totals. As in 4.9.7 the confirmation ends without
 * a line break.
 */
public final class ExportMetricsCommand extends BaseCommand {
    private static final long TIMEOUT_MILLIS = 10_000L;
    private static final String TOPIC_PUT_NUMS = "TOPIC_PUT_NUMS";
    private static final String TRANS_HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
    private static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";

    public ExportMetricsCommand() {
        super("exportMetrics", "export metrics");
    }

    @Override
    public void addOptions(Options options) {
        Opts.required(options, "c", "clusterName", "choose a cluster to export");
        Opts.optional(options, "f", "filePath", "export metrics.json path | default "
            + ExportConfigsCommand.DEFAULT_DIR);
    }

    @Override
    public void execute(CommandLine line, AdminSession session) throws Exception {
        MQAdminExt admin = session.admin();
        Map<String, Object> reports = new TreeMap<>();
        Map<String, Object> totalTps = fields("totalNormalInTps", 0.0, "totalNormalOutTps", 0.0,
            "totalTransInTps", 0.0, "totalScheduleInTps", 0.0);
        Map<String, Object> totalDay = fields("normalOneDayInNum", 0L, "normalOneDayOutNum", 0L,
            "transOneDayInNum", 0L, "scheduleOneDayInNum", 0L);
        for (BrokerData broker : Clusters.brokers(admin, line.getOptionValue('c').trim())) {
            String addr = broker.masterAddr();
            Map<String, String> kv = admin.fetchBrokerRuntimeStats(addr).table();
            Properties config = admin.getBrokerConfig(addr);
            Set<String> groups = admin.getUserSubscriptionGroup(addr, TIMEOUT_MILLIS).subscriptionGroupTable()
                .keySet();
            Map<String, Object> report = new TreeMap<>();
            report.put("runtimeEnv", fields("cpuNum",
                config.getProperty("clientCallbackExecutorThreads"), "totalMemKBytes", kv.get("totalMemKBytes")));
            report.put("runtimeQuota", quota(admin, addr, kv, groups.size(), totalTps, totalDay));
            Set<String> clients = new TreeSet<>();
            for (String group : groups) {
                try {
                    for (Connection c : admin.examineConsumerConnectionInfo(group).connectionSet()) {
                        clients.add(c.language() + "%" + ClientVersions.name(c.version()));
                    }
                } catch (Exception e) {
                    // as 4.9.7: a group without consumers online names no client
                }
            }
            report.put("runtimeVersion", fields("rocketmqVersion",
                ClientVersions.name(RemotingVersion.V4_9_7), "clientInfo", new ArrayList<>(clients)));
            reports.put(broker.brokerName(), report);
        }
        Map<String, Object> result = new TreeMap<>();
        result.put("evaluateReport", reports);
        result.put("totalData", fields("totalTps", totalTps, "totalOneDayNum", totalDay));
        String path = ExportConfigsCommand.write(line, "metrics.json", new PrettyJson().tree(result).toString());
        session.out().printf("export %s success", path);
    }

    private static Map<String, Object> quota(MQAdminExt admin, String addr, Map<String, String> kv, int groupSize,
                                             Map<String, Object> totalTps, Map<String, Object> totalDay)
        throws Exception {
        int topicSize = admin.getUserTopicConfig(addr, false, TIMEOUT_MILLIS).topicConfigTable().size();
        BrokerStatsData trans = stats(admin, addr, TRANS_HALF_TOPIC);
        BrokerStatsData schedule = stats(admin, addr, SCHEDULE_TOPIC);
        double normalIn = minuteTps(kv.get("putTps"));
        double normalOut = minuteTps(kv.get("getTransferedTps"));
        double transIn = trans == null ? 0.0 : trans.statsMinute().tps();
        double scheduleIn = schedule == null ? 0.0 : schedule.statsMinute().tps();
        long transDay = trans == null ? 0 : StatsAllCommand.dayOrShorterSum(trans);
        long scheduleDay = schedule == null ? 0 : StatsAllCommand.dayOrShorterSum(schedule);
        long normalDayIn = Long.parseLong(kv.get("msgPutTotalTodayMorning"))
            - Long.parseLong(kv.get("msgPutTotalYesterdayMorning"));
        long normalDayOut = Long.parseLong(kv.get("msgGetTotalTodayMorning"))
            - Long.parseLong(kv.get("msgGetTotalYesterdayMorning"));
        Map<String, Object> quota = new TreeMap<>();
        quota.put("diskRatio", fields("commitLogDiskRatio", kv.get("commitLogDiskRatio"),
            "consumeQueueDiskRatio", kv.get("consumeQueueDiskRatio")));
        quota.put("tps", fields("normalInTps", normalIn, "normalOutTps", normalOut,
            "transInTps", transIn, "scheduleInTps", scheduleIn));
        quota.put("oneDayNum", fields("normalOneDayInNum", normalDayIn,
            "normalOneDayOutNum", normalDayOut, "transOneDayInNum", transDay, "scheduleOneDayInNum", scheduleDay));
        quota.put("messageAverageSize", kv.get("putMessageAverageSize"));
        quota.put("topicSize", topicSize);
        quota.put("groupSize", groupSize);
        totalTps.merge("totalNormalInTps", normalIn, ExportMetricsCommand::sum);
        totalTps.merge("totalNormalOutTps", normalOut, ExportMetricsCommand::sum);
        totalTps.merge("totalTransInTps", transIn, ExportMetricsCommand::sum);
        totalTps.merge("totalScheduleInTps", scheduleIn, ExportMetricsCommand::sum);
        totalDay.merge("normalOneDayInNum", normalDayIn, ExportMetricsCommand::sum);
        totalDay.merge("normalOneDayOutNum", normalDayOut, ExportMetricsCommand::sum);
        totalDay.merge("transOneDayInNum", transDay, ExportMetricsCommand::sum);
        totalDay.merge("scheduleOneDayInNum", scheduleDay, ExportMetricsCommand::sum);
        return quota;
    }

    /** The first of a runtime figure's space-separated rates; 0 when it has none. */
    private static double minuteTps(String rates) {
        String[] each = rates.split(" ");
        return each.length > 0 ? Double.parseDouble(each[0]) : 0;
    }

    /** A map of the given names and values, a {@code null} value left out of the file as 4.9.7 leaves it out. */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> map = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static Object sum(Object a, Object b) {
        return a instanceof Double x ? (Object) (x + (Double) b) : (Object) ((Long) a + (Long) b);
    }

    /** The broker's TOPIC_PUT_NUMS of {@code topic}; {@code null} when the broker has none. */
    private static BrokerStatsData stats(MQAdminExt admin, String addr, String topic) throws Exception {
        try {
            return admin.viewBrokerStatsData(addr, TOPIC_PUT_NUMS, topic);
        } catch (MQClientException e) {
            return null;
        }
    }
}
