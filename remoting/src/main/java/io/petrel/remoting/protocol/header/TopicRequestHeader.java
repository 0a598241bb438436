package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** Requests naming one topic: DELETE_TOPIC_IN_BROKER (215), GET_TOPIC_STATS_INFO (202), QUERY_TOPIC_CONSUME_BY_WHO (300). Keys: topic (all required). */
public record TopicRequestHeader(String topic) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("topic", topic);
    }

    public static TopicRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new TopicRequestHeader(f.requiredString("topic"));
    }
}
