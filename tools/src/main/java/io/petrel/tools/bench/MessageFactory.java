package io.petrel.tools.bench;

import io.petrel.common.message.Message;

/** Builds the producer benchmark's messages: body, keys, tags, user properties and delay level as configured. */
final class MessageFactory {
    private MessageFactory() {
    }

    static Message build(BenchOptions.Producer o, byte[] body, long nowMs) {
        Message msg = new Message(o.topic(), body);
        if (o.keyEnable()) {
            msg.setKeys(Long.toString(nowMs / 1000));
        }
        if (o.tagCount() > 0) {
            msg.setTags("tag" + (nowMs % o.tagCount()));
        }
        if (o.delayEnable()) {
            msg.setDelayTimeLevel(o.delayLevel());
        }
        addProperties(msg, o.propertySize(), (int) (nowMs % 100));
        return msg;
    }

    /** Adds pairs of user properties until their names and values together exceed {@code size} characters. */
    static void addProperties(Message msg, int size, int seed) {
        if (size <= 0) {
            return;
        }
        int written = 0;
        for (int i = 0; written <= size; i += 2) {
            String name1 = "prop" + i;
            String value1 = "hello" + (seed + i);
            String name2 = "prop" + (i + 1);
            String value2 = Integer.toString(seed + i);
            msg.putUserProperty(name1, value1);
            msg.putUserProperty(name2, value2);
            written += name1.length() + value1.length() + name2.length() + value2.length();
        }
    }
}
