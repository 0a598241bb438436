package io.petrel.remoting.protocol.header;

import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** CONSUMER_SEND_MSG_BACK (36) request. Keys: offset, group, delayLevel, originMsgId?, originTopic?, unitMode?, maxReconsumeTimes?, bname? (? = optional). */
public record ConsumerSendMsgBackRequestHeader(long offset, String group, int delayLevel, String originMsgId, String originTopic, Boolean unitMode, Integer maxReconsumeTimes, String bname) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("offset", Long.toString(offset));
        out.put("group", group);
        out.put("delayLevel", Integer.toString(delayLevel));
        out.put("originMsgId", originMsgId);
        out.put("originTopic", originTopic);
        out.put("unitMode", unitMode);
        out.put("maxReconsumeTimes", maxReconsumeTimes);
        out.put("bname", bname);
    }

    public static ConsumerSendMsgBackRequestHeader decode(ExtFields f) throws RemotingCommandException {
        return new ConsumerSendMsgBackRequestHeader(
            f.requiredLong("offset"),
            f.requiredString("group"),
            f.requiredInt("delayLevel"),
            f.string("originMsgId"),
            f.string("originTopic"),
            f.optionalBoolean("unitMode"),
            f.optionalInt("maxReconsumeTimes"),
            f.string("bname"));
    }
}
