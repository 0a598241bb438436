package io.petrel.client.impl.consumer;

import io.petrel.client.consumer.store.LocalFileOffsetStore;
import io.petrel.client.consumer.store.OffsetStore;
import io.petrel.client.consumer.store.RemoteBrokerOffsetStore;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.impl.MQClientInstance;
import io.petrel.common.heartbeat.MessageModel;

/** Where a consumer keeps its offsets: the application's store, else a local file (broadcasting) or the broker. */
final class OffsetStores {
    private OffsetStores() {
    }

    /** The store for a consumer of {@code group}, loaded. */
    static OffsetStore open(OffsetStore given, MessageModel model, MQClientInstance instance, String group)
        throws MQClientException {
        OffsetStore store = given != null ? given
            : model == MessageModel.BROADCASTING ? new LocalFileOffsetStore(instance.getClientId(), group)
            : new RemoteBrokerOffsetStore(instance, group);
        store.load();
        return store;
    }
}
