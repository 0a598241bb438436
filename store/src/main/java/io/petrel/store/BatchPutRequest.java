package io.petrel.store;

import io.petrel.common.message.MessageBatchCodec;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * A batch to store as individual records sharing topic, queue, sysflag, born fields and store
 * host. Each record's properties = item properties, a 0x02 if they are non-empty and do not end
 * with one, then {@code batchProperties} (the request-level properties string).
 */
public record BatchPutRequest(String topic, int queueId, int sysFlag, long bornTimestamp, InetSocketAddress bornHost,
                              InetSocketAddress storeHost, int reconsumeTimes, String batchProperties,
                              List<MessageBatchCodec.Item> items) {
}
