package io.petrel.test.official;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.common.DataVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.body.RegisterBrokerBody;
import org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.apache.rocketmq.common.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/** NameServer requests built with the official 4.9.7 classes, exactly as an official broker or client builds them. */
public final class OfficialRequests {
    private OfficialRequests() {
    }

    /** A REGISTER_BROKER request from a version-407 broker (with a correct {@code bodyCrc32}) for {@code topics} at data version {@code counter}. */
    public static RemotingCommand registerBroker(String cluster, String brokerName, String brokerAddr, long brokerId,
                                                 String haAddr, Map<String, Integer> topicQueues, long counter,
                                                 boolean compressed) {
        ConcurrentHashMap<String, TopicConfig> table = new ConcurrentHashMap<>();
        topicQueues.forEach((t, q) -> table.put(t, new TopicConfig(t, q, q, 6)));
        DataVersion version = new DataVersion();
        version.setCounter(new AtomicLong(counter));
        version.setTimestamp(1_700_000_000_000L + counter);
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        wrapper.setTopicConfigTable(table);
        wrapper.setDataVersion(version);
        RegisterBrokerBody body = new RegisterBrokerBody();
        body.setTopicConfigSerializeWrapper(wrapper);
        byte[] bytes = body.encode(compressed);
        RegisterBrokerRequestHeader h = new RegisterBrokerRequestHeader();
        h.setClusterName(cluster);
        h.setBrokerName(brokerName);
        h.setBrokerAddr(brokerAddr);
        h.setBrokerId(brokerId);
        h.setHaServerAddr(haAddr);
        h.setCompressed(compressed);
        h.setBodyCrc32(UtilAll.crc32(bytes));
        RemotingCommand cmd = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER, h);
        cmd.setBody(bytes);
        cmd.setVersion(407);
        return cmd;
    }

    /** A GET_ROUTEINFO_BY_TOPIC request carrying protocol {@code version}. */
    public static RemotingCommand getRoute(String topic, int version) {
        GetRouteInfoRequestHeader h = new GetRouteInfoRequestHeader();
        h.setTopic(topic);
        RemotingCommand cmd = RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, h);
        cmd.setVersion(version);
        return cmd;
    }
}
