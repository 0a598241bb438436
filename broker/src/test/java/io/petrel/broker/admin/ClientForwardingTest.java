package io.petrel.broker.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.petrel.common.body.GetConsumerStatusBody;
import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageIds;
import io.petrel.common.message.MessageQueue;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.remoting.exception.RemotingSendRequestException;
import io.petrel.remoting.exception.RemotingTimeoutException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import io.petrel.remoting.protocol.header.GetConsumerStatusRequestHeader;
import io.petrel.store.PutMessageResult;
import io.petrel.broker.testing.TestStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ClientForwardingTest {
    /** How the fake client connection answers a call. */
    @FunctionalInterface
    private interface Answer {
        RemotingCommand answer(Channel channel, RemotingCommand request) throws Exception;
    }

    @TempDir
    Path dir;
    private AdminFixture f;
    private final List<RemotingCommand> calls = new CopyOnWriteArrayList<>();
    private volatile Answer answer = (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS, null);

    @BeforeEach
    void open() throws Exception {
        f = new AdminFixture(dir);
        new ClientForwarding(f.consumers, (ch, req, timeout) -> {
            calls.add(req);
            try {
                return answer.answer(ch, req);
            } catch (RemotingTimeoutException | RemotingSendRequestException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, f.store.store(), AdminFixture.BROKER_NAME).registerInto(f.processor);
        f.topic("T", 2);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private RemotingCommand consumeDirectly(String clientId, String msgId) throws Exception {
        return f.ask(RequestCode.CONSUME_MESSAGE_DIRECTLY,
            new ConsumeMessageDirectlyResultRequestHeader("G", clientId, msgId, null));
    }

    @Test
    void consumeDirectlyRelaysTheStoredMessageAndTheBrokerName() throws Exception {
        f.put("T", 0, 1);
        PutMessageResult second = f.store.put(TestStore.message("T", 1, "the one"));
        f.consumer("G", "c1", "T");
        answer = (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(new byte[] {42})
            .addExtField("k", "v");
        RemotingCommand r = consumeDirectly("c1", second.msgId());
        assertEquals(ResponseCode.SUCCESS, r.code());
        assertArrayEquals(new byte[] {42}, r.body());
        assertEquals("v", r.extFields().get("k"));
        RemotingCommand relayed = calls.get(0);
        assertEquals(RequestCode.CONSUME_MESSAGE_DIRECTLY, relayed.code());
        assertEquals(Map.of("consumerGroup", "G", "clientId", "c1", "msgId", second.msgId(),
            "brokerName", AdminFixture.BROKER_NAME), relayed.extFields());
        MessageExt m = StoredMessageCodec.decode(ByteBuffer.wrap(relayed.body()), true, true);
        assertEquals("the one", new String(m.getBody()));
        assertEquals(second.wroteOffset(), m.getCommitLogOffset());
        assertEquals(second.wroteBytes(), relayed.body().length);
    }

    @Test
    void consumeDirectlyNeedsAStoredMessageAndAnOnlineClient() throws Exception {
        String id = f.put("T", 0, 1).get(0);
        f.consumer("G", "c1", "T");
        assertEquals(ResponseCode.SYSTEM_ERROR, consumeDirectly("c1", null).code());
        assertEquals(ResponseCode.SYSTEM_ERROR, consumeDirectly("c1", "NOT-AN-ID").code());
        String beyond = MessageIds.offsetMessageId(TestStore.BROKER, 1 << 20);
        assertEquals(ResponseCode.SYSTEM_ERROR, consumeDirectly("c1", beyond).code());
        String inside = MessageIds.offsetMessageId(TestStore.BROKER, 4);
        assertEquals(ResponseCode.SYSTEM_ERROR, consumeDirectly("c1", inside).code(), "not the start of a record");
        RemotingCommand offline = consumeDirectly("c2", id);
        assertEquals(ResponseCode.SYSTEM_ERROR, offline.code());
        assertEquals("The Consumer <G> <c2> not online", offline.remark());
        assertTrue(calls.isEmpty());
    }

    @Test
    void aClientThatTimesOutOrFailsIsReportedAs4_9_7Does() throws Exception {
        String id = f.put("T", 0, 1).get(0);
        f.consumer("G", "c1", "T");
        answer = (ch, req) -> {
            throw new RemotingTimeoutException("no answer in 10000 ms");
        };
        RemotingCommand r = consumeDirectly("c1", id);
        assertEquals(ResponseCode.CONSUME_MSG_TIMEOUT, r.code());
        assertTrue(r.remark().startsWith("consumer <G> <c1> Timeout: "), r.remark());
        answer = (ch, req) -> {
            throw new RemotingSendRequestException("closed", new java.io.IOException("reset"));
        };
        r = consumeDirectly("c1", id);
        assertEquals(ResponseCode.SYSTEM_ERROR, r.code());
        assertTrue(r.remark().startsWith("invoke consumer <G> <c1> Exception: "), r.remark());
    }

    @Test
    void consumerStatusGathersEachClientsOffsets() throws Exception {
        Channel c1 = f.consumer("G", "c1", "T");
        f.consumer("G", "c2", "T");
        f.consumer("G", "c3", "T");
        MessageQueue q0 = new MessageQueue("T", "b", 0);
        answer = (ch, req) -> {
            if (ch == c1) {
                return RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
                    .body(new GetConsumerStatusBody(Map.of(q0, 7L), Map.of()).encode());
            }
            return req.code() == RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT && calls.size() == 2
                ? RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
                .body(new GetConsumerStatusBody(Map.of(), Map.of()).encode())
                : RemotingCommand.createResponse(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "no");
        };
        RemotingCommand r = f.ask(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS,
            new GetConsumerStatusRequestHeader("T", "G", null));
        assertEquals(ResponseCode.SUCCESS, r.code());
        assertEquals(RemotingCommand.DEFAULT_REMARK, r.remark(), "4.9.7 leaves its default remark on");
        GetConsumerStatusBody body = GetConsumerStatusBody.decode(r.body());
        assertEquals(Map.of(), body.messageQueueTable());
        assertEquals(3, calls.size());
        assertEquals(2, body.consumerTable().size(), "the client that failed is left out: " + body);
        assertEquals(Map.of(q0, 7L), body.consumerTable().get("c1"));
        RemotingCommand ask = calls.get(0);
        assertEquals(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, ask.code());
        assertEquals(new GetConsumerStatusRequestHeader("T", "G", null), ask.customHeader());
    }

    @Test
    void consumerStatusOfOneClientOrAnOfflineGroup() throws Exception {
        f.consumer("G", "c1", "T");
        f.consumer("G", "c2", "T");
        answer = (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS, null)
            .body(new GetConsumerStatusBody(Map.of(), Map.of()).encode());
        RemotingCommand r = f.ask(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS,
            new GetConsumerStatusRequestHeader("T", "G", "c2"));
        assertEquals(List.of("c2"), List.copyOf(GetConsumerStatusBody.decode(r.body()).consumerTable().keySet()));
        assertEquals(1, calls.size());
        r = f.ask(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS, new GetConsumerStatusRequestHeader("T", "G", "c9"));
        assertEquals(Map.of(), GetConsumerStatusBody.decode(r.body()).consumerTable());
        r = f.ask(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS, new GetConsumerStatusRequestHeader("T", "NONE", null));
        assertEquals(ResponseCode.SYSTEM_ERROR, r.code());
        assertEquals("No Any Consumer online in the consumer group: [NONE]", r.remark());
        f.consumer("OLD", "o1", 27, "T");
        r = f.ask(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS, new GetConsumerStatusRequestHeader("T", "OLD", null));
        assertEquals(ResponseCode.SYSTEM_ERROR, r.code());
        assertEquals("the client does not support this feature. version=27", r.remark());
    }
}
