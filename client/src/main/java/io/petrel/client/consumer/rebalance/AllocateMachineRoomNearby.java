package io.petrel.client.consumer.rebalance;

import io.petrel.client.consumer.AllocateMessageQueueStrategy;
import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Prefers queues in the consumer's own machine room: queues of a room are shared (by the wrapped strategy) among
 * that room's consumers; queues of a room with no consumer are shared among all consumers. Thread-safe if the
 * wrapped strategy and resolver are.
 */
public class AllocateMachineRoomNearby extends AbstractAllocateMessageQueueStrategy {
    private final AllocateMessageQueueStrategy allocateMessageQueueStrategy;
    private final MachineRoomResolver machineRoomResolver;

    /** Tells which machine room a broker's queue and a consumer are in. */
    public interface MachineRoomResolver {
        String brokerDeployIn(MessageQueue messageQueue);

        String consumerDeployIn(String clientID);
    }

    public AllocateMachineRoomNearby(AllocateMessageQueueStrategy allocateMessageQueueStrategy,
                                     MachineRoomResolver machineRoomResolver) {
        this.allocateMessageQueueStrategy = Objects.requireNonNull(allocateMessageQueueStrategy,
            "allocateMessageQueueStrategy is null");
        this.machineRoomResolver = Objects.requireNonNull(machineRoomResolver, "machineRoomResolver is null");
    }

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
                                       List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<>();
        if (!check(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        Map<String, List<MessageQueue>> queuesByRoom = queuesByRoom(mqAll);
        Map<String, List<String>> consumersByRoom = consumersByRoom(cidAll);
        String myRoom = machineRoomResolver.consumerDeployIn(currentCID);
        List<MessageQueue> myRoomQueues = queuesByRoom.remove(myRoom);
        if (myRoomQueues != null && !myRoomQueues.isEmpty()) {
            result.addAll(allocateMessageQueueStrategy.allocate(consumerGroup, currentCID, myRoomQueues,
                consumersByRoom.get(myRoom)));
        }
        for (Map.Entry<String, List<MessageQueue>> e : queuesByRoom.entrySet()) {
            if (!consumersByRoom.containsKey(e.getKey())) {
                result.addAll(allocateMessageQueueStrategy.allocate(consumerGroup, currentCID, e.getValue(), cidAll));
            }
        }
        return result;
    }

    private Map<String, List<MessageQueue>> queuesByRoom(List<MessageQueue> mqAll) {
        Map<String, List<MessageQueue>> byRoom = new TreeMap<>();
        for (MessageQueue mq : mqAll) {
            String room = machineRoomResolver.brokerDeployIn(mq);
            if (room == null || room.isEmpty()) {
                throw new IllegalArgumentException("Machine room is null for mq " + mq);
            }
            byRoom.computeIfAbsent(room, r -> new ArrayList<>()).add(mq);
        }
        return byRoom;
    }

    private Map<String, List<String>> consumersByRoom(List<String> cidAll) {
        Map<String, List<String>> byRoom = new TreeMap<>();
        for (String cid : cidAll) {
            String room = machineRoomResolver.consumerDeployIn(cid);
            if (room == null || room.isEmpty()) {
                throw new IllegalArgumentException("Machine room is null for consumer id " + cid);
            }
            byRoom.computeIfAbsent(room, r -> new ArrayList<>()).add(cid);
        }
        return byRoom;
    }

    @Override
    public String getName() {
        return "MACHINE_ROOM_NEARBY-" + allocateMessageQueueStrategy.getName();
    }
}
