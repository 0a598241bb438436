package io.petrel.remoting.protocol.header.namesrv;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * DELETE_TOPIC_IN_NAMESRV (216) request; with a cluster name only that cluster's queues go.
 * Required: {@code topic}; a missing one is refused naming it.
 */
public record DeleteTopicFromNamesrvRequestHeader(String topic, String clusterName) implements CommandHeader {
    @Override
    public void writeTo(HeaderWriter out) {
        out.put("topic", topic);
        out.put("clusterName", clusterName);
    }

    public static DeleteTopicFromNamesrvRequestHeader decode(ExtFields fields) throws RemotingCommandException {
        return new DeleteTopicFromNamesrvRequestHeader(
            fields.requiredString("topic"),
            fields.string("clusterName"));
    }
}
