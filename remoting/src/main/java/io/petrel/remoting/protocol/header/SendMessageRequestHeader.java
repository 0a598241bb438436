package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** SEND_MESSAGE (10) request: the long-named send header (SEND_MESSAGE_V2 carries the same fields as a..n). Keys: producerGroup, topic, defaultTopic, defaultTopicQueueNums, queueId, sysFlag, bornTimestamp, flag, properties?, reconsumeTimes?, unitMode?, batch?, maxReconsumeTimes?, bname? (? = optional). */
public record SendMessageRequestHeader(String producerGroup, String topic, String defaultTopic, int defaultTopicQueueNums, int queueId, int sysFlag, long bornTimestamp, int flag, String properties, Integer reconsumeTimes, Boolean unitMode, Boolean batch, Integer maxReconsumeTimes, String bname) implements CommandHeader {

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
        out.put("reconsumeTimes", reconsumeTimes);
        out.put("unitMode", unitMode);
        out.put("batch", batch);
        out.put("maxReconsumeTimes", maxReconsumeTimes);
        out.put("bname", bname);
    }

    public static SendMessageRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new SendMessageRequestHeader(
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
            f.optionalBoolean("unitMode"),
            f.optionalBoolean("batch"),
            f.optionalInt("maxReconsumeTimes"),
            f.string("bname"));
    }
}
