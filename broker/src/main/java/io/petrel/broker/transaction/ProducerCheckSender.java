package io.petrel.broker.transaction;

import io.petrel.broker.client.ClientChannelInfo;
import io.petrel.broker.client.ConsumerIdsChangeNotifier;
import io.petrel.broker.client.ProducerManager;
import io.petrel.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a transaction check to one live connection of the producer group, as heartbeats registered them. */
public final class ProducerCheckSender implements CheckRequestSender {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerCheckSender.class);

    private final ProducerManager producers;
    private final ConsumerIdsChangeNotifier.Pusher pusher;

    public ProducerCheckSender(ProducerManager producers, ConsumerIdsChangeNotifier.Pusher pusher) {
        this.producers = producers;
        this.pusher = pusher;
    }

    @Override
    public boolean send(String producerGroup, RemotingCommand request) {
        ClientChannelInfo producer = producers.anyActive(producerGroup);
        if (producer == null) {
            return false;
        }
        try {
            pusher.pushOneway(producer.channel(), request);
            return true;
        } catch (Exception e) {
            LOG.warn("sending a transaction check to {} of group {} failed", producer, producerGroup, e);
            return false;
        }
    }
}
