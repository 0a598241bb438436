package io.petrel.client.consumer.rebalance;

import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Only queues on brokers named {@code room@name} whose room is in {@link #getConsumeridcs()}; those are split in
 * contiguous equal blocks, and the remainder dealt one each to the first consumers. Not thread-safe while being set.
 */
public class AllocateMessageQueueByMachineRoom extends AbstractAllocateMessageQueueStrategy {
    private Set<String> consumeridcs = Set.of();

    public AllocateMessageQueueByMachineRoom() {
    }

    public AllocateMessageQueueByMachineRoom(Set<String> consumeridcs) {
        setConsumeridcs(consumeridcs);
    }

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
                                       List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<>();
        if (!check(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        int index = cidAll.indexOf(currentCID);
        List<MessageQueue> inRooms = new ArrayList<>();
        for (MessageQueue mq : mqAll) {
            String[] parts = mq.getBrokerName().split("@");
            if (parts.length == 2 && consumeridcs.contains(parts[0])) {
                inRooms.add(mq);
            }
        }
        int block = inRooms.size() / cidAll.size();
        int rest = inRooms.size() % cidAll.size();
        result.addAll(inRooms.subList(block * index, block * index + block));
        if (rest > index) {
            result.add(inRooms.get(index + block * cidAll.size()));
        }
        return result;
    }

    @Override
    public String getName() {
        return "MACHINE_ROOM";
    }

    public Set<String> getConsumeridcs() {
        return consumeridcs;
    }

    public void setConsumeridcs(Set<String> consumeridcs) {
        this.consumeridcs = consumeridcs == null ? Set.of() : Set.copyOf(consumeridcs);
    }
}
