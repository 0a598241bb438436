package io.petrel.client.impl.admin;

import io.petrel.client.admin.MessageTrack;
import io.petrel.client.admin.TrackType;
import io.petrel.client.exception.MQBrokerException;
import io.petrel.client.exception.MQClientException;
import io.petrel.common.body.ConsumeStats;
import io.petrel.common.body.ConsumerConnection;
import io.petrel.common.body.GroupList;
import io.petrel.common.body.OffsetWrapper;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.route.BrokerData;
import io.petrel.common.route.ClusterInfo;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tells, for each group consuming a message's topic, whether the group consumed the message: pull consumers are
 * not tracked; for push consumers the group's committed offset of the message's queue on the broker that stores
 * it is compared with the message's queue offset, and a consumed message whose tag the group's subscription does
 * not take is reported as filtered. A group whose lookup fails gets {@link TrackType#NOT_ONLINE} when the failure
 * says so (code 206, whether a broker answered it or the admin client concluded it), else
 * {@link TrackType#UNKNOWN}, with the failure described. Thread-safe.
 */
public final class MessageTracker {
    private final AdminRemoting remoting;
    private final TopicAdmin topics;
    private final GroupAdmin groups;
    private final long timeoutMillis;

    public MessageTracker(AdminRemoting remoting, TopicAdmin topics, GroupAdmin groups, long timeoutMillis) {
        this.remoting = remoting;
        this.topics = topics;
        this.groups = groups;
        this.timeoutMillis = timeoutMillis;
    }

    public List<MessageTrack> messageTrackDetail(MessageExt msg)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        List<MessageTrack> tracks = new ArrayList<>();
        GroupList groupList = topics.queryTopicConsumeByWho(msg.getTopic());
        if (groupList == null) {
            return tracks;
        }
        for (String group : groupList.groupList()) {
            tracks.add(track(msg, group));
        }
        return tracks;
    }

    private MessageTrack track(MessageExt msg, String group) throws InterruptedException {
        try {
            ConsumerConnection connection = groups.examineConsumerConnectionInfo(group);
            if (connection.consumeType() == ConsumeType.CONSUME_ACTIVELY) {
                return new MessageTrack(group, TrackType.PULL, null);
            }
            if (connection.consumeType() != ConsumeType.CONSUME_PASSIVELY) {
                return new MessageTrack(group, TrackType.UNKNOWN, null);
            }
            if (!consumed(msg, group)) {
                return new MessageTrack(group, TrackType.NOT_CONSUME_YET, null);
            }
            TrackType type = takesTag(connection, msg) ? TrackType.CONSUMED : TrackType.CONSUMED_BUT_FILTERED;
            return new MessageTrack(group, type, null);
        } catch (MQBrokerException e) {
            return failed(group, e.getResponseCode(), e.getErrorMessage());
        } catch (MQClientException e) {
            return failed(group, e.getResponseCode(), e.getErrorMessage());
        } catch (RemotingException | RuntimeException e) {
            return new MessageTrack(group, TrackType.UNKNOWN, e.toString());
        }
    }

    private static MessageTrack failed(String group, int code, String message) {
        TrackType type = code == ResponseCode.CONSUMER_NOT_ONLINE ? TrackType.NOT_ONLINE : TrackType.UNKNOWN;
        return new MessageTrack(group, type, "CODE:" + code + " DESC:" + message);
    }

    /** Whether the group's offset of the message's queue, on the master that stores it, is past the message. */
    boolean consumed(MessageExt msg, String group)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        ConsumeStats stats = groups.examineConsumeStats(group, null);
        ClusterInfo clusters = remoting.getBrokerClusterInfo(timeoutMillis);
        String storeHost = NetAddresses.format(msg.getStoreHost());
        for (Map.Entry<MessageQueue, OffsetWrapper> e : stats.offsetTable().entrySet()) {
            MessageQueue mq = e.getKey();
            if (!mq.topic().equals(msg.getTopic()) || mq.queueId() != msg.getQueueId()) {
                continue;
            }
            BrokerData broker = clusters.brokerAddrTable().get(mq.brokerName());
            if (broker != null && storeHost.equals(broker.masterAddr())
                && e.getValue().consumerOffset() > msg.getQueueOffset()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the group's subscription of the message's topic takes the message's tag (no such subscription: yes). */
    static boolean takesTag(ConsumerConnection connection, MessageExt msg) {
        SubscriptionData sub = connection.subscriptionTable().get(msg.getTopic());
        if (sub == null) {
            return true;
        }
        return sub.tagsSet().isEmpty() || sub.tagsSet().contains("*") || sub.tagsSet().contains(msg.getTags());
    }
}
