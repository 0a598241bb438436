package io.petrel.broker.send;

import io.petrel.common.topic.TopicConfig;
import io.petrel.remoting.protocol.header.SendMessageRequestHeader;
import java.net.InetSocketAddress;

/** One validated send: its header, the topic's config, the queue chosen, and the connection's address. */
record SendContext(SendMessageRequestHeader header, TopicConfig topicConfig, int queueId, InetSocketAddress bornHost) {
}
