package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * PUSH_REPLY_MESSAGE_TO_CLIENT (326) request, broker to requesting client: a reply message and where it was stored.
 * Keys: producerGroup, topic, defaultTopic, defaultTopicQueueNums, queueId, sysFlag, bornTimestamp, flag,
 * properties?, reconsumeTimes?, unitMode, bornHost, storeHost, storeTimestamp (? = optional).
 */
public record ReplyMessageRequestHeader(String producerGroup, String topic, String defaultTopic,
                                        int defaultTopicQueueNums, int queueId, int sysFlag, long bornTimestamp,
                                        int flag, String properties, Integer reconsumeTimes, boolean unitMode,
                                        String bornHost, String storeHost, long storeTimestamp)
    implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("producerGroup", producerGroup);
        out.put("topic", topic);
        out.put("defaultTopic", defaultTopic);
        out.put("defaultTopicQueueNums", Integer.toString(defaultTopicQueueNums));
        out.put("queueId", Integer.toString(queueId));
        out.put("sysFlag", Integer.toString(sysFlag));
        out.put("bornTimestamp", Long.toString(bornTimestamp));
        out.put("flag", Integer.toString(flag));
        out.put("properties", properties);
        out.put("reconsumeTimes", reconsumeTimes == null ? null : reconsumeTimes.toString());
        out.put("unitMode", Boolean.toString(unitMode));
        out.put("bornHost", bornHost);
        out.put("storeHost", storeHost);
        out.put("storeTimestamp", Long.toString(storeTimestamp));
    }

    @Override
    public boolean fieldsFirstOnWire() {
        return true;
    }

    public static ReplyMessageRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new ReplyMessageRequestHeader(
            f.requiredString("producerGroup"),
            f.requiredString("topic"),
            f.requiredString("defaultTopic"),
            f.requiredInt("defaultTopicQueueNums"),
            f.requiredInt("queueId"),
            f.requiredInt("sysFlag"),
            f.requiredLong("bornTimestamp"),
            f.requiredInt("flag"),
            f.string("properties"),
            f.optionalInt("reconsumeTimes"),
            f.booleanOr("unitMode", false),
            f.requiredString("bornHost"),
            f.requiredString("storeHost"),
            f.longOr("storeTimestamp", 0));
    }
}
