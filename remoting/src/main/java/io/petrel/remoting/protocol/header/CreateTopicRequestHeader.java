package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** UPDATE_AND_CREATE_TOPIC (17) request. Keys: topic, defaultTopic, readQueueNums, writeQueueNums, perm, topicFilterType, topicSysFlag?, order (? = optional). */
public record CreateTopicRequestHeader(String topic, String defaultTopic, int readQueueNums, int writeQueueNums, int perm, String topicFilterType, Integer topicSysFlag, boolean order) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("topic", topic);
        out.put("defaultTopic", defaultTopic);
        out.put("readQueueNums", Integer.toString(readQueueNums));
        out.put("writeQueueNums", Integer.toString(writeQueueNums));
        out.put("perm", Integer.toString(perm));
        out.put("topicFilterType", topicFilterType);
        out.put("topicSysFlag", topicSysFlag);
        out.put("order", Boolean.toString(order));
    }

    public static CreateTopicRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new CreateTopicRequestHeader(
            f.requiredString("topic"),
            f.requiredString("defaultTopic"),
            f.requiredInt("readQueueNums"),
            f.requiredInt("writeQueueNums"),
            f.requiredInt("perm"),
            f.requiredString("topicFilterType"),
            f.optionalInt("topicSysFlag"),
            f.requiredBoolean("order"));
    }
}
