package io.petrel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.exception.MQClientException;
import io.petrel.common.message.Message;
import io.petrel.common.topic.TopicValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.junit.jupiter.api.Test;

/** Each case runs through Petrel's and the official 4.9.7 Validators; code and text must match. */
class ValidatorsTest {
    private interface Check {
        void run() throws Exception;
    }

    /** Outcome of one check: null when it passed. */
    private record Outcome(int code, String text) {
    }

    private static Outcome petrel(Check check) {
        try {
            check.run();
            return null;
        } catch (MQClientException e) {
            assertTrue(e.getMessage().startsWith(e.getResponseCode() == -1 ? e.getErrorMessage() : "CODE: "), e.getMessage());
            return new Outcome(e.getResponseCode(), e.getErrorMessage());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Outcome official(Check check) {
        try {
            check.run();
            return null;
        } catch (org.apache.rocketmq.client.exception.MQClientException e) {
            return new Outcome(e.getResponseCode(), e.getErrorMessage());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final List<String> NAMES = List.of("", " ", "\t\n", "ok", "A-b_c|d%e", "has space", "dot.ted",
        "slash/", "ünï", "x".repeat(127), "x".repeat(128), "x".repeat(255), "x".repeat(256), "%RETRY%g", "%DLQ%g",
        "SCHEDULE_TOPIC_XXXX", "RMQ_SYS_TRANS_HALF_TOPIC", "RMQ_SYS_TRANS_OP_HALF_TOPIC", "TRANS_CHECK_MAX_TIME_TOPIC",
        "SELF_TEST_TOPIC", "OFFSET_MOVED_EVENT", "TBW102", "BenchmarkTest", "RMQ_SYS_TRACE_TOPIC", "rmq_sys_x",
        "x y".repeat(60));

    @Test
    void namesAreJudgedAsTheOfficialClientJudgesThem() {
        List<String> names = new ArrayList<>(NAMES);
        names.add(null);
        names.addAll(randomNames(new Random(20240607L), 300));
        for (String name : names) {
            assertEquals(official(() -> org.apache.rocketmq.client.Validators.checkTopic(name)),
                petrel(() -> Validators.checkTopic(name)), "checkTopic " + name);
            assertEquals(official(() -> org.apache.rocketmq.client.Validators.checkGroup(name)),
                petrel(() -> Validators.checkGroup(name)), "checkGroup " + name);
            if (name != null) {
                assertEquals(official(() -> org.apache.rocketmq.client.Validators.isNotAllowedSendTopic(name)),
                    petrel(() -> Validators.isNotAllowedSendTopic(name)), "isNotAllowedSendTopic " + name);
                assertEquals(official(() -> org.apache.rocketmq.client.Validators.isSystemTopic(name)),
                    petrel(() -> Validators.isSystemTopic(name)), "isSystemTopic " + name);
            }
        }
    }

    @Test
    void messagesAreJudgedAsTheOfficialClientJudgesThem() {
        int max = 1024;
        DefaultMQProducer producer = new DefaultMQProducer("g");
        producer.setMaxMessageSize(max);
        List<Message> cases = new ArrayList<>();
        cases.add(null);
        cases.add(new Message("ok", new byte[1]));
        cases.add(new Message("ok", new byte[max]));
        cases.add(new Message("ok", new byte[max + 1]));
        cases.add(new Message("ok", new byte[0]));
        cases.add(new Message("ok", null));
        cases.add(new Message("bad topic", null));
        cases.add(new Message("", new byte[1]));
        cases.add(new Message("SCHEDULE_TOPIC_XXXX", null));
        cases.add(new Message("x".repeat(128), new byte[max + 1]));
        for (Message m : cases) {
            org.apache.rocketmq.common.message.Message o = m == null ? null
                : new org.apache.rocketmq.common.message.Message(m.getTopic(), m.getBody());
            assertEquals(official(() -> org.apache.rocketmq.client.Validators.checkMessage(o, producer)),
                petrel(() -> Validators.checkMessage(m, max)), String.valueOf(m));
        }
    }

    @Test
    void bodyProblemsCarryMessageIllegal() {
        MQClientException e = assertThrows(MQClientException.class,
            () -> Validators.checkMessage(new Message("ok", new byte[5]), 4));
        assertEquals(13, e.getResponseCode());
        assertEquals("the message body size over max value, MAX: 4", e.getErrorMessage());
        assertEquals("CODE: 13  DESC: the message body size over max value, MAX: 4", e.getMessage());
        MQClientException blank = assertThrows(MQClientException.class, () -> Validators.checkTopic(" "));
        assertEquals(-1, blank.getResponseCode());
        assertEquals("The specified topic is blank", blank.getMessage());
    }

    @Test
    void constantsMatch() {
        assertEquals(org.apache.rocketmq.client.Validators.CHARACTER_MAX_LENGTH, Validators.CHARACTER_MAX_LENGTH);
        assertEquals(org.apache.rocketmq.client.Validators.TOPIC_MAX_LENGTH, Validators.TOPIC_MAX_LENGTH);
        assertEquals("^[%|a-zA-Z0-9_-]+$", Validators.VALID_PATTERN_STR);
        assertNull(petrel(() -> Validators.checkTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC)));
    }

    private static List<String> randomNames(Random random, int count) {
        String alphabet = "abcXYZ019%|_- .\t/:é\u3000";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = random.nextInt(10) == 0 ? 120 + random.nextInt(150) : random.nextInt(12);
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            out.add(sb.toString());
        }
        return out;
    }
}
