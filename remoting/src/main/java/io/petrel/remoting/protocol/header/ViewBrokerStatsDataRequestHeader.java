package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/**
 * VIEW_BROKER_STATS_DATA (315) request. Keys: statsName (e.g. {@code TOPIC_PUT_NUMS}), statsKey (e.g. a topic, or
 * {@code topic@group}); both required.
 */
public record ViewBrokerStatsDataRequestHeader(String statsName, String statsKey) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("statsName", statsName);
        out.put("statsKey", statsKey);
    }

    public static ViewBrokerStatsDataRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new ViewBrokerStatsDataRequestHeader(f.requiredString("statsName"), f.requiredString("statsKey"));
    }
}
