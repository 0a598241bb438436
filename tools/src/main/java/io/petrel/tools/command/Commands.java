package io.petrel.tools.command;

import io.petrel.tools.command.acl.ClusterAclConfigVersionCommand;
import io.petrel.tools.command.acl.DeleteAclConfigCommand;
import io.petrel.tools.command.acl.GetAclConfigCommand;
import io.petrel.tools.command.acl.UpdateAclConfigCommand;
import io.petrel.tools.command.acl.UpdateGlobalWhiteAddrCommand;
import io.petrel.tools.command.broker.BrokerConsumeStatsCommand;
import io.petrel.tools.command.broker.BrokerMaintenanceCommand;
import io.petrel.tools.command.broker.BrokerStatusCommand;
import io.petrel.tools.command.broker.GetBrokerConfigCommand;
import io.petrel.tools.command.broker.SendMsgStatusCommand;
import io.petrel.tools.command.broker.UpdateBrokerConfigCommand;
import io.petrel.tools.command.cluster.ClusterListCommand;
import io.petrel.tools.command.cluster.ClusterRTCommand;
import io.petrel.tools.command.connection.ConsumerConnectionCommand;
import io.petrel.tools.command.connection.ProducerConnectionCommand;
import io.petrel.tools.command.export.ExportConfigsCommand;
import io.petrel.tools.command.export.ExportMetadataCommand;
import io.petrel.tools.command.export.ExportMetricsCommand;
import io.petrel.tools.command.group.ConsumerProgressCommand;
import io.petrel.tools.command.group.ConsumerStatusCommand;
import io.petrel.tools.command.group.DeleteSubGroupCommand;
import io.petrel.tools.command.group.GetConsumerConfigCommand;
import io.petrel.tools.command.group.StartMonitoringCommand;
import io.petrel.tools.command.group.UpdateSubGroupCommand;
import io.petrel.tools.command.message.CheckMsgSendRTCommand;
import io.petrel.tools.command.message.ConsumeMessageCommand;
import io.petrel.tools.command.message.PrintMessageByQueueCommand;
import io.petrel.tools.command.message.PrintMessageCommand;
import io.petrel.tools.command.message.QueryMsgByIdCommand;
import io.petrel.tools.command.message.QueryMsgByKeyCommand;
import io.petrel.tools.command.message.QueryMsgByOffsetCommand;
import io.petrel.tools.command.message.QueryMsgByUniqueKeyCommand;
import io.petrel.tools.command.message.QueryMsgTraceByIdCommand;
import io.petrel.tools.command.message.SendMessageCommand;
import io.petrel.tools.command.namesrv.DeleteKvConfigCommand;
import io.petrel.tools.command.namesrv.GetNamesrvConfigCommand;
import io.petrel.tools.command.namesrv.UpdateKvConfigCommand;
import io.petrel.tools.command.namesrv.UpdateNamesrvConfigCommand;
import io.petrel.tools.command.namesrv.WritePermCommand;
import io.petrel.tools.command.offset.CloneGroupOffsetCommand;
import io.petrel.tools.command.offset.ResetOffsetByTimeCommand;
import io.petrel.tools.command.offset.SkipAccumulatedMessageCommand;
import io.petrel.tools.command.producer.ProducerCommand;
import io.petrel.tools.command.stats.StatsAllCommand;
import io.petrel.tools.command.topic.AllocateMQCommand;
import io.petrel.tools.command.topic.DeleteTopicCommand;
import io.petrel.tools.command.topic.QueryConsumeQueueCommand;
import io.petrel.tools.command.topic.TopicClusterListCommand;
import io.petrel.tools.command.topic.TopicListCommand;
import io.petrel.tools.command.topic.TopicRouteCommand;
import io.petrel.tools.command.topic.TopicStatusCommand;
import io.petrel.tools.command.topic.UpdateOrderConfCommand;
import io.petrel.tools.command.topic.UpdateTopicCommand;
import io.petrel.tools.command.topic.UpdateTopicPermCommand;
import java.util.List;

/** Every subcommand {@code mqadmin} offers, in the order RocketMQ 4.9.7 lists them. */
public final class Commands {
    private Commands() {
    }

    public static List<SubCommand> all() {
        return List.of(
            new UpdateTopicCommand(),
            new DeleteTopicCommand(),
            new UpdateSubGroupCommand(),
            new DeleteSubGroupCommand(),
            new UpdateBrokerConfigCommand(),
            new UpdateTopicPermCommand(),
            new TopicRouteCommand(),
            new TopicStatusCommand(),
            new TopicClusterListCommand(),
            new BrokerStatusCommand(),
            new QueryMsgByIdCommand(),
            new QueryMsgByKeyCommand(),
            new QueryMsgByUniqueKeyCommand(),
            new QueryMsgByOffsetCommand(),
            new QueryMsgTraceByIdCommand(),
            new PrintMessageCommand(),
            new PrintMessageByQueueCommand(),
            new SendMsgStatusCommand(),
            new BrokerConsumeStatsCommand(),
            new ProducerConnectionCommand(),
            new ConsumerConnectionCommand(),
            new ConsumerProgressCommand(),
            new ConsumerStatusCommand(),
            new CloneGroupOffsetCommand(),
            new ProducerCommand(),
            new ClusterListCommand(),
            new TopicListCommand(),
            new UpdateKvConfigCommand(),
            new DeleteKvConfigCommand(),
            WritePermCommand.wipe(),
            WritePermCommand.add(),
            new ResetOffsetByTimeCommand(),
            new SkipAccumulatedMessageCommand(),
            new UpdateOrderConfCommand(),
            BrokerMaintenanceCommand.cleanExpiredConsumeQueue(),
            BrokerMaintenanceCommand.deleteExpiredCommitLog(),
            BrokerMaintenanceCommand.cleanUnusedTopic(),
            new StartMonitoringCommand(),
            new StatsAllCommand(),
            new AllocateMQCommand(),
            new CheckMsgSendRTCommand(),
            new ClusterRTCommand(),
            new GetNamesrvConfigCommand(),
            new UpdateNamesrvConfigCommand(),
            new GetBrokerConfigCommand(),
            new GetConsumerConfigCommand(),
            new QueryConsumeQueueCommand(),
            new SendMessageCommand(),
            new ConsumeMessageCommand(),
            new UpdateAclConfigCommand(),
            new DeleteAclConfigCommand(),
            new ClusterAclConfigVersionCommand(),
            new UpdateGlobalWhiteAddrCommand(),
            new GetAclConfigCommand(),
            new ExportMetadataCommand(),
            new ExportConfigsCommand(),
            new ExportMetricsCommand());
    }
}
