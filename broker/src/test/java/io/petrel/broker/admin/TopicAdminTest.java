package io.petrel.broker.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.petrel.common.topic.TopicConfig;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.TopicRequestHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class TopicAdminTest {
    @TempDir
    Path dir;
    private AdminFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new AdminFixture(dir).withTopicAdmin();
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** The 5.x client asks with {@code lo=true}; the answer is 5.3's TopicConfigAndQueueMapping of a plain topic. */
    @Test
    void getTopicConfigAnswersOneTopicAs5xWritesIt() throws Exception {
        f.topics.update(TopicConfig.of("T5", 3, 2, 6).withOrder(true));
        RemotingCommand r = f.ask(RequestCode.GET_TOPIC_CONFIG, out -> {
            new TopicRequestHeader("T5").writeTo(out);
            out.put("lo", "true");
        });
        assertEquals(ResponseCode.SUCCESS, r.code());
        assertNull(r.remark());
        assertEquals("{\"attributes\":{},\"order\":true,\"perm\":6,\"readQueueNums\":3,\"topicFilterType\":"
            + "\"SINGLE_TAG\",\"topicName\":\"T5\",\"topicSysFlag\":0,\"writeQueueNums\":2}",
            new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void getTopicConfigOfAnUnknownTopicIsTopicNotExist() throws Exception {
        RemotingCommand r = f.ask(RequestCode.GET_TOPIC_CONFIG, new TopicRequestHeader("NOPE"));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, r.code());
        assertEquals("No topic in this broker. topic: NOPE", r.remark());
        assertNull(r.body());
    }

    /** UPDATE_AND_CREATE_TOPIC_LIST: all checked first; an unchanged topic does not stop the rest (it stops 5.3). */
    @Test
    void aTopicListIsCheckedWholeThenCreatedAtOnce() throws Exception {
        f.topics.update(TopicConfig.of("SAME", 1, 1, 6));
        long before = f.topics.dataVersion().counter();
        RemotingCommand refused = f.askWithBody(RequestCode.UPDATE_AND_CREATE_TOPIC_LIST, "{\"topicConfigList\":["
            + "{\"topicName\":\"NEW_A\",\"readQueueNums\":2,\"writeQueueNums\":2,\"perm\":6},"
            + "{\"topicName\":\"bad topic\",\"readQueueNums\":1,\"writeQueueNums\":1,\"perm\":6}]}");
        assertEquals(ResponseCode.SYSTEM_ERROR, refused.code());
        assertNull(f.topics.select("NEW_A"), "nothing created when one is refused");

        RemotingCommand r = f.askWithBody(RequestCode.UPDATE_AND_CREATE_TOPIC_LIST, "{\"topicConfigList\":["
            + "{\"topicName\":\"SAME\",\"readQueueNums\":1,\"writeQueueNums\":1,\"perm\":6,"
            + "\"topicFilterType\":\"SINGLE_TAG\",\"topicSysFlag\":0,\"order\":false,\"attributes\":{}},"
            + "{\"topicName\":\"NEW_A\",\"readQueueNums\":2,\"writeQueueNums\":2,\"perm\":6},"
            + "{\"topicName\":\"NEW_B\",\"readQueueNums\":4,\"writeQueueNums\":3,\"perm\":4}]}");
        assertEquals(ResponseCode.SUCCESS, r.code(), r.remark());
        assertEquals(TopicConfig.of("NEW_A", 2, 2, 6), f.topics.select("NEW_A"));
        assertEquals(TopicConfig.of("NEW_B", 4, 3, 4), f.topics.select("NEW_B"));
        assertEquals(before + 1, f.topics.dataVersion().counter(), "one new data version for the list");

        assertEquals(ResponseCode.SYSTEM_ERROR, f.askWithBody(RequestCode.UPDATE_AND_CREATE_TOPIC_LIST, "{").code());
    }
}
