package io.petrel.common.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTest {
    private static final byte[] BODY = "b".getBytes(StandardCharsets.UTF_8);

    @Test
    void fullConstructorSetsTagsKeysThenWait() {
        Message m = new Message("T", "TagA", "k1 k2", 7, BODY, false);
        assertEquals("T", m.getTopic());
        assertEquals(7, m.getFlag());
        assertEquals(List.of("TAGS", "KEYS", "WAIT"), List.copyOf(m.getProperties().keySet()));
        assertEquals("TagA", m.getTags());
        assertEquals("k1 k2", m.getKeys());
        assertFalse(m.isWaitStoreMsgOK());
    }

    @Test
    void shortConstructorsSkipEmptyTagsAndKeysAndWaitForStore() {
        Message tagsOnly = new Message("T", "TagA", BODY);
        assertEquals(Map.of("TAGS", "TagA", "WAIT", "true"), tagsOnly.getProperties());
        Message nothing = new Message("T", "", null, BODY);
        assertEquals(Map.of("WAIT", "true"), nothing.getProperties());
        assertEquals(0, nothing.getFlag());
        Message keyed = new Message("T", null, "k", BODY);
        assertEquals(Map.of("KEYS", "k", "WAIT", "true"), keyed.getProperties());
    }

    @Test
    void keysCollectionIsSpaceJoined() {
        Message m = new Message("T", BODY);
        m.setKeys(List.of("a", "b", "c"));
        assertEquals("a b c", m.getKeys());
    }

    @Test
    void putUserPropertyRefusesEveryReservedName() {
        for (String name : MessageProperties.RESERVED_NAMES) {
            Message m = new Message("T", BODY);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.putUserProperty(name, "v"));
            assertEquals("The Property<" + name + "> is used by system, input another please", e.getMessage());
        }
    }

    @Test
    void putUserPropertyRefusesBlankNamesAndValues() {
        Message m = new Message("T", BODY);
        String expected = "The name or value of property can not be null or blank string!";
        for (String[] pair : new String[][] {{null, "v"}, {"", "v"}, {"  ", "v"}, {"n", null}, {"n", ""}, {"n", " \t"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.putUserProperty(pair[0], pair[1]));
            assertEquals(expected, e.getMessage());
        }
        assertTrue(m.getProperties().isEmpty());
    }

    @Test
    void userPropertiesAreOrdinaryProperties() {
        Message m = new Message("T", BODY);
        m.putUserProperty("color", "blue");
        m.putUserProperty("TRANSACTION_CHECK_TIMES", "1");
        assertEquals("blue", m.getUserProperty("color"));
        assertEquals("blue", m.getProperty("color"));
        m.clearProperty("color");
        assertNull(m.getUserProperty("color"));
        assertEquals("1", m.getProperty("TRANSACTION_CHECK_TIMES"));
    }

    @Test
    void transactionIdIsAFieldNotAProperty() {
        Message m = new Message("T", BODY);
        m.setTransactionId("tx-1");
        assertEquals("tx-1", m.getTransactionId());
        assertTrue(m.getProperties().isEmpty());
    }

    @Test
    void buyerInstanceAndWaitAreProperties() {
        Message m = new Message("T", BODY);
        assertTrue(m.isWaitStoreMsgOK(), "absent WAIT means true");
        m.setWaitStoreMsgOK(false);
        m.setBuyerId("buyer");
        m.setInstanceId("ns");
        assertEquals(Map.of("WAIT", "false", "BUYER_ID", "buyer", "INSTANCE_ID", "ns"), m.getProperties());
        assertEquals("buyer", m.getBuyerId());
        assertFalse(m.isWaitStoreMsgOK());
    }
}
