package io.petrel.common.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicValidatorTest {
    @Test
    void acceptsTheAllowedAlphabetOnly() {
        assertNull(TopicValidator.validateTopic("%RETRY%group_1|x-y"));
        assertEquals("The specified topic is blank.", TopicValidator.validateTopic(" "));
        assertEquals("The specified topic contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$",
            TopicValidator.validateTopic("a.b"));
        assertEquals("The specified topic is longer than topic max length.",
            TopicValidator.validateTopic("t".repeat(128)));
        assertNull(TopicValidator.validateTopic("t".repeat(127)));
        assertNull(TopicValidator.validateGroup("g".repeat(255)));
        assertTrue(TopicValidator.validateGroup("g".repeat(256)).contains("longer"));
    }

    @Test
    void knowsSystemAndSendForbiddenTopics() {
        assertTrue(TopicValidator.isSystemTopic("TBW102"));
        assertTrue(TopicValidator.isSystemTopic("rmq_sys_anything"));
        assertFalse(TopicValidator.isSystemTopic("orders"));
        assertTrue(TopicValidator.isNotAllowedSendTopic("SCHEDULE_TOPIC_XXXX"));
        assertFalse(TopicValidator.isNotAllowedSendTopic("TBW102"));
    }

    @Test
    void permissionBitsAndText() {
        assertTrue(PermName.isReadable(6));
        assertTrue(PermName.isWriteable(6));
        assertFalse(PermName.isInherited(6));
        assertEquals("RW-", PermName.toText(6));
        assertEquals("RWX", PermName.toText(7));
        assertEquals("R--", PermName.toText(4));
    }
}
