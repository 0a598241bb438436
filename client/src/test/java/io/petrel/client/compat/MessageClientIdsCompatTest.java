package io.petrel.client.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageClientIds;
import io.petrel.common.message.UniqIdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.junit.jupiter.api.Test;

/** Ids made by Petrel decode with the official MessageClientIDSetter and the other way round. */
class MessageClientIdsCompatTest {
    private static final List<String> VECTORS = List.of("C0A8010A12341B6D35863B9ACA000007",
        "FD00000000000000000000000000000212341B6D35863B9ACA000007");

    @Test
    void officialDecodesPetrelIdsMadeAnHourAgo() {
        long created = System.currentTimeMillis() - 3_600_000L;
        Clock clock = Clock.fixed(Instant.ofEpochMilli(created), ZoneId.systemDefault());
        UniqIdGenerator generator = new UniqIdGenerator(MessageClientIDSetter.getIPFromID(MessageClientIDSetter
            .createUniqID()), 4660, 0x1B6D3586, 65530, clock);
        for (int i = 0; i < 20; i++) {
            String id = generator.next();
            assertEquals(created, MessageClientIDSetter.getNearlyTimeFromID(id).getTime(), id);
            assertEquals(created, MessageClientIds.getNearlyTimeFromId(id), id);
            assertEquals(4660, MessageClientIDSetter.getPidFromID(id));
            assertEquals(MessageClientIds.getIPStrFromID(id), MessageClientIDSetter.getIPStrFromID(id));
        }
    }

    @Test
    void freshIdsDecodeAlikeBothWays() {
        long before = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(MessageClientIds.createUniqId());
            ids.add(MessageClientIDSetter.createUniqID());
        }
        long after = System.currentTimeMillis();
        // Both decoders take an id made in the very millisecond they read the clock for a month-old one.
        while (System.currentTimeMillis() <= after) {
            Thread.onSpinWait();
        }
        for (String id : ids) {
            long official = MessageClientIDSetter.getNearlyTimeFromID(id).getTime();
            assertTrue(official >= before && official <= after, "official reads " + official + " for " + id);
            assertEquals(official, MessageClientIds.getNearlyTimeFromId(id), id);
            assertEquals(MessageClientIDSetter.getIPStrFromID(id), MessageClientIds.getIPStrFromID(id));
            assertArrayEquals(MessageClientIDSetter.getIPFromID(id), MessageClientIds.getIPFromId(id));
            assertEquals(MessageClientIDSetter.getPidFromID(id), MessageClientIds.getPidFromID(id));
        }
    }

    @Test
    void bothDecodeTheVectorsAlike() {
        for (String id : VECTORS) {
            assertEquals(MessageClientIDSetter.getIPStrFromID(id), MessageClientIds.getIPStrFromID(id));
            assertEquals(MessageClientIDSetter.getPidFromID(id), MessageClientIds.getPidFromID(id));
            assertEquals(MessageClientIDSetter.getNearlyTimeFromID(id).getTime(), MessageClientIds.getNearlyTimeFromId(id));
        }
    }

    @Test
    void sameProcessGivesTheSamePrefix() {
        // Same address choice, same pid, and both classes come from the application class loader.
        String petrel = MessageClientIds.createUniqId();
        String official = MessageClientIDSetter.createUniqID();
        assertEquals(official.length(), petrel.length());
        int prefix = petrel.length() - 12;
        assertEquals(official.substring(0, prefix), petrel.substring(0, prefix));
    }
}
