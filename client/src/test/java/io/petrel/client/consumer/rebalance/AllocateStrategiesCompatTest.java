package io.petrel.client.consumer.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petrel.client.compat.Official;
import io.petrel.client.consumer.AllocateMessageQueueStrategy;
import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random groups allocated by Petrel's and the official 4.9.7 strategies must get identical shares. */
class AllocateStrategiesCompatTest {
    private static final long SEED = 9_042_024L;

    private interface OfficialStrategy {
        List<org.apache.rocketmq.common.message.MessageQueue> allocate(String group, String cid,
            List<org.apache.rocketmq.common.message.MessageQueue> mqAll, List<String> cidAll);
    }

    @Test
    void averagely() {
        var official = new org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely();
        compare(new AllocateMessageQueueAveragely(), official::allocate, official.getName(), 400);
    }

    @Test
    void averagelyByCircle() {
        var official = new org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragelyByCircle();
        compare(new AllocateMessageQueueAveragelyByCircle(), official::allocate, official.getName(), 400);
    }

    @Test
    void consistentHash() {
        for (int virtualNodes : new int[] {1, 3, 10, 25}) {
            var official = new org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueConsistentHash(virtualNodes);
            compare(new AllocateMessageQueueConsistentHash(virtualNodes), official::allocate, official.getName(), 30);
        }
        var official = new org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueConsistentHash();
        compare(new AllocateMessageQueueConsistentHash(), official::allocate, official.getName(), 60);
    }

    @Test
    void byMachineRoom() {
        var official = new org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueByMachineRoom();
        official.setConsumeridcs(Set.of("r1", "r3"));
        compare(new AllocateMessageQueueByMachineRoom(Set.of("r1", "r3")), official::allocate, official.getName(), 400);
    }

    @Test
    void machineRoomNearby() {
        var resolver = new org.apache.rocketmq.client.consumer.rebalance.AllocateMachineRoomNearby.MachineRoomResolver() {
            @Override
            public String brokerDeployIn(org.apache.rocketmq.common.message.MessageQueue mq) {
                return mq.getBrokerName().split("@")[0];
            }

            @Override
            public String consumerDeployIn(String clientID) {
                return clientID.split("@")[0];
            }
        };
        var official = new org.apache.rocketmq.client.consumer.rebalance.AllocateMachineRoomNearby(
            new org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely(), resolver);
        AllocateMachineRoomNearby petrel = new AllocateMachineRoomNearby(new AllocateMessageQueueAveragely(),
            new AllocateMachineRoomNearby.MachineRoomResolver() {
                @Override
                public String brokerDeployIn(MessageQueue mq) {
                    return mq.getBrokerName().split("@")[0];
                }

                @Override
                public String consumerDeployIn(String clientID) {
                    return clientID.split("@")[0];
                }
            });
        compare(petrel, official::allocate, official.getName(), 300);
    }

    private static void compare(AllocateMessageQueueStrategy petrel, OfficialStrategy official, String officialName,
                                int rounds) {
        assertEquals(officialName, petrel.getName());
        Random random = new Random(SEED);
        for (int round = 0; round < rounds; round++) {
            List<MessageQueue> mqAll = randomQueues(random);
            List<String> cidAll = randomClients(random);
            List<String> asked = new ArrayList<>(cidAll);
            asked.add("1.1.1.1@stranger");
            for (String cid : asked) {
                List<MessageQueue> expected = Official.petrel(official.allocate("g", cid, Official.queues(mqAll), cidAll));
                assertEquals(expected, petrel.allocate("g", cid, mqAll, cidAll),
                    petrel.getName() + " seed " + SEED + " round " + round + " cid " + cid + " mqAll " + mqAll
                        + " cidAll " + cidAll);
            }
        }
    }

    private static List<MessageQueue> randomQueues(Random random) {
        List<MessageQueue> out = new ArrayList<>();
        int brokers = 1 + random.nextInt(5);
        for (int b = 0; b < brokers; b++) {
            String name = random.nextInt(4) == 0 ? "broker-" + b : "r" + random.nextInt(4) + "@broker-" + b;
            int queues = 1 + random.nextInt(random.nextBoolean() ? 4 : 16);
            for (int q = 0; q < queues; q++) {
                out.add(new MessageQueue(random.nextInt(10) == 0 ? "T2" : "TopicA", name, q));
            }
        }
        Collections.sort(out);
        return out;
    }

    private static List<String> randomClients(Random random) {
        Set<String> ids = new HashSet<>();
        int n = 1 + random.nextInt(random.nextBoolean() ? 4 : 40);
        while (ids.size() < n) {
            ids.add("r" + random.nextInt(4) + "@10.0." + random.nextInt(3) + "." + random.nextInt(255) + "@"
                + random.nextInt(100000));
        }
        List<String> out = new ArrayList<>(ids);
        Collections.sort(out);
        return out;
    }
}
