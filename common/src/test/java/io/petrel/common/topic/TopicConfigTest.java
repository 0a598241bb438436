package io.petrel.common.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TopicConfigTest {
    @Test
    void printsInTheFormBrokerLogsUse() {
        TopicConfig c = new TopicConfig("RMQ_SYS_TRANS_HALF_TOPIC", 1, 1, 6, TopicFilterType.SINGLE_TAG, 0, false);
        assertEquals("TopicConfig [topicName=RMQ_SYS_TRANS_HALF_TOPIC, readQueueNums=1, writeQueueNums=1, perm=RW-, "
            + "topicFilterType=SINGLE_TAG, topicSysFlag=0, order=false]", c.toString());
        assertEquals("TopicConfig [topicName=T, readQueueNums=8, writeQueueNums=4, perm=-WX, "
            + "topicFilterType=MULTI_TAG, topicSysFlag=3, order=true]",
            new TopicConfig("T", 8, 4, 3, TopicFilterType.MULTI_TAG, 3, true).toString());
    }
}
