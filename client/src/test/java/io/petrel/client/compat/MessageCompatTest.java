package io.petrel.client.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.petrel.common.message.Message;
import io.petrel.common.message.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.common.message.MessageConst;
import org.junit.jupiter.api.Test;

/** Petrel's Message API leaves the same properties and refuses the same names as the official one. */
class MessageCompatTest {
    @Test
    void reservedNamesAreTheOfficialSet() {
        assertEquals(MessageConst.STRING_HASH_SET, Set.copyOf(MessageProperties.RESERVED_NAMES));
    }

    @Test
    void propertyNamesMatchMessageConst() {
        assertEquals(MessageConst.PROPERTY_CORRELATION_ID, MessageProperties.CORRELATION_ID);
        assertEquals(MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT, MessageProperties.MESSAGE_REPLY_TO_CLIENT);
        assertEquals(MessageConst.PROPERTY_MESSAGE_TTL, MessageProperties.MESSAGE_TTL);
        assertEquals(MessageConst.PROPERTY_REPLY_MESSAGE_ARRIVE_TIME, MessageProperties.REPLY_MESSAGE_ARRIVE_TIME);
        assertEquals(MessageConst.PROPERTY_PUSH_REPLY_TIME, MessageProperties.PUSH_REPLY_TIME);
        assertEquals(MessageConst.PROPERTY_MESSAGE_TYPE, MessageProperties.MSG_TYPE);
        assertEquals(org.apache.rocketmq.common.MixAll.REPLY_MESSAGE_FLAG, MessageProperties.MSG_TYPE_REPLY);
        assertEquals(MessageConst.PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET, MessageProperties.TRAN_PREPARED_QUEUE_OFFSET);
        assertEquals(MessageConst.PROPERTY_INNER_MULTI_DISPATCH, MessageProperties.INNER_MULTI_DISPATCH);
        assertEquals(MessageConst.PROPERTY_INNER_MULTI_QUEUE_OFFSET, MessageProperties.INNER_MULTI_QUEUE_OFFSET);
        assertEquals(MessageConst.PROPERTY_BUYER_ID, MessageProperties.BUYER_ID);
        assertEquals(MessageConst.PROPERTY_INSTANCE_ID, MessageProperties.INSTANCE_ID);
    }

    @Test
    void constructorsLeaveTheSameProperties() {
        byte[] body = "x".getBytes(StandardCharsets.UTF_8);
        for (String tags : new String[] {null, "", "TagA"}) {
            for (String keys : new String[] {null, "", "k1 k2"}) {
                for (boolean wait : new boolean[] {true, false}) {
                    Message p = new Message("T", tags, keys, 3, body, wait);
                    var o = new org.apache.rocketmq.common.message.Message("T", tags, keys, 3, body, wait);
                    assertEquals(o.getProperties(), p.getProperties(), tags + "/" + keys + "/" + wait);
                    assertEquals(o.getFlag(), p.getFlag());
                }
                Message p = new Message("T", tags, keys, body);
                assertEquals(new org.apache.rocketmq.common.message.Message("T", tags, keys, body).getProperties(),
                    p.getProperties());
            }
            assertEquals(new org.apache.rocketmq.common.message.Message("T", tags, body).getProperties(),
                new Message("T", tags, body).getProperties());
        }
    }

    @Test
    void userPropertyRefusalsReadTheSame() {
        List<String[]> cases = new ArrayList<>();
        for (String name : MessageConst.STRING_HASH_SET) {
            cases.add(new String[] {name, "v"});
        }
        cases.add(new String[] {null, "v"});
        cases.add(new String[] {" ", "v"});
        cases.add(new String[] {"n", null});
        cases.add(new String[] {"n", "\t"});
        for (String[] c : cases) {
            var official = new org.apache.rocketmq.common.message.Message("T", new byte[1]);
            RuntimeException expected = assertThrows(RuntimeException.class, () -> official.putUserProperty(c[0], c[1]));
            Message petrel = new Message("T", new byte[1]);
            IllegalArgumentException actual = assertThrows(IllegalArgumentException.class,
                () -> petrel.putUserProperty(c[0], c[1]));
            assertEquals(expected.getMessage(), actual.getMessage());
        }
    }

    @Test
    void keysCollectionJoinsAlike() {
        var official = new org.apache.rocketmq.common.message.Message("T", new byte[1]);
        official.setKeys(List.of("a", "b"));
        Message petrel = new Message("T", new byte[1]);
        petrel.setKeys(List.of("a", "b"));
        assertEquals(official.getKeys(), petrel.getKeys());
        assertEquals(Map.of("KEYS", "a b"), petrel.getProperties());
    }
}
