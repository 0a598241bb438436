package io.petrel.store;

import io.petrel.common.message.MessageExt;
import java.util.List;

/** Records found by key (sorted by CommitLog offset) and the index's last update point. */
public record QueryMessageResult(List<MessageExt> messages, long indexLastUpdateTimestamp, long indexLastUpdatePhyOffset) {
}
