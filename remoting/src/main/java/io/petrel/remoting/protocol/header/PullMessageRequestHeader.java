package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** PULL_MESSAGE (11) request. Keys: consumerGroup, topic, queueId, queueOffset, maxMsgNums, sysFlag, commitOffset, suspendTimeoutMillis, subscription?, subVersion, expressionType?, bname? (? = optional). */
public record PullMessageRequestHeader(String consumerGroup, String topic, int queueId, long queueOffset, int maxMsgNums, int sysFlag, long commitOffset, long suspendTimeoutMillis, String subscription, long subVersion, String expressionType, String bname) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("consumerGroup", consumerGroup);
        out.put("topic", topic);
        out.put("queueId", Integer.toString(queueId));
        out.put("queueOffset", Long.toString(queueOffset));
        out.put("maxMsgNums", Integer.toString(maxMsgNums));
        out.put("sysFlag", Integer.toString(sysFlag));
        out.put("commitOffset", Long.toString(commitOffset));
        out.put("suspendTimeoutMillis", Long.toString(suspendTimeoutMillis));
        out.put("subscription", subscription);
        out.put("subVersion", Long.toString(subVersion));
        out.put("expressionType", expressionType);
        out.put("bname", bname);
    }

    @Override
    public boolean fieldsFirstOnWire() {
        return true;
    }

    public static PullMessageRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new PullMessageRequestHeader(
            f.requiredString("consumerGroup"),
            f.requiredString("topic"),
            f.requiredInt("queueId"),
            f.requiredLong("queueOffset"),
            f.requiredInt("maxMsgNums"),
            f.requiredInt("sysFlag"),
            f.requiredLong("commitOffset"),
            f.requiredLong("suspendTimeoutMillis"),
            f.string("subscription"),
            f.requiredLong("subVersion"),
            f.string("expressionType"),
            f.string("bname"));
    }
}
