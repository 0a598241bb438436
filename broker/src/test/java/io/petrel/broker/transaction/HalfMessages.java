package io.petrel.broker.transaction;

import io.petrel.broker.send.MessageRewrites;
import io.petrel.broker.testing.TestStore;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.message.MessageSysFlag;
import io.petrel.store.PutMessageResult;

/** Half messages as the send path stores them. */
final class HalfMessages {
    static final String PRODUCER_GROUP = "PG_TX";

    private HalfMessages() {
    }

    static PutMessageResult putHalf(TestStore store, String topic, int queueId, String body, long bornTimestamp) {
        return putHalf(store, topic, queueId, body, bornTimestamp, java.util.Map.of());
    }

    /** As above, with {@code properties} of the producer's on the half. */
    static PutMessageResult putHalf(TestStore store, String topic, int queueId, String body, long bornTimestamp,
                                    java.util.Map<String, String> properties) {
        MessageExt m = TestStore.message(topic, queueId, body);
        properties.forEach(m::putProperty);
        m.setBornTimestamp(bornTimestamp);
        m.setSysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        m.putProperty(MessageProperties.TRAN_MSG, "true");
        m.putProperty(MessageProperties.PGROUP, PRODUCER_GROUP);
        m.putProperty(MessageProperties.UNIQ_KEY, "UNIQ-" + body);
        m.setTags("TagT");
        MessageRewrites.toHalfMessage(m);
        return store.put(m);
    }
}
