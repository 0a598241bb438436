package io.petrel.broker.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petrel.broker.testing.TestStore;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageIds;
import io.petrel.common.message.MessageProperties;
import io.petrel.common.topic.TopicValidator;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.ResumeCheckHalfMessageRequestHeader;
import io.petrel.store.PutMessageResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class TransactionAdminTest {
    private static final String HALF = TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC;
    private static final String PARKED = TopicValidator.RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC;

    @TempDir
    Path dir;
    private AdminFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new AdminFixture(dir);
        new TransactionAdmin(f.store.store()).registerInto(f.processor);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private RemotingCommand resume(String msgId) throws Exception {
        return f.ask(RequestCode.RESUME_CHECK_HALF_MESSAGE, new ResumeCheckHalfMessageRequestHeader(msgId));
    }

    @Test
    void aParkedHalfGoesBackToTheHalfQueueWithItsChecksReset() throws Exception {
        MessageExt parked = TestStore.message(PARKED, 0, "pending");
        parked.setTags("TagT");
        parked.putProperty(MessageProperties.REAL_TOPIC, "T_TX");
        parked.putProperty(MessageProperties.REAL_QID, "3");
        parked.putProperty(MessageProperties.TRANSACTION_CHECK_TIMES, "15");
        parked.setReconsumeTimes(2);
        PutMessageResult put = f.store.put(parked);
        RemotingCommand r = resume(put.msgId());
        assertEquals(ResponseCode.SUCCESS, r.code(), r.remark());
        f.store.awaitDispatched();
        List<MessageExt> halves = f.store.read(HALF, 0);
        assertEquals(1, halves.size());
        MessageExt half = halves.get(0);
        assertEquals("0", half.getProperty(MessageProperties.TRANSACTION_CHECK_TIMES));
        assertEquals("T_TX", half.getProperty(MessageProperties.REAL_TOPIC));
        assertEquals("3", half.getProperty(MessageProperties.REAL_QID));
        assertEquals("TagT", half.getTags());
        assertEquals("pending", new String(half.getBody()));
        assertEquals(parked.getBornTimestamp(), half.getBornTimestamp());
        assertEquals(2, half.getReconsumeTimes());
    }

    @Test
    void anIdThatNamesNoMessageIsASystemError() throws Exception {
        String expected = "Exception was thrown when putting message back to RMQ_SYS_TRANS_HALF_TOPIC.";
        assertEquals(expected, resume(null).remark());
        assertEquals(expected, resume("XYZ").remark());
        RemotingCommand r = resume(MessageIds.offsetMessageId(TestStore.BROKER, 1 << 20));
        assertEquals(ResponseCode.SYSTEM_ERROR, r.code());
        assertEquals(expected, r.remark());
        assertEquals(0, f.store.read(HALF, 0).size());
    }
}
