package io.petrel.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestTaskTest {

    private static RemotingCommand answer(EmbeddedChannel ch) throws Exception {
        ByteBuf frame = ch.readOutbound();
        frame.readInt();
        try {
            return RemotingFrame.decode(frame);
        } finally {
            frame.release();
        }
    }

    @Test
    void expiredQueuedRequestsAreAnsweredBusyAndNeverRun() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(NettyFrameEncoder.INSTANCE);
        AtomicInteger ran = new AtomicInteger();
        BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(10);
        queue.add(new RequestTask(ch, RemotingCommand.createRequest(310).opaque(1), 1000, ran::incrementAndGet));
        queue.add(new RequestTask(ch, RemotingCommand.createRequest(310).opaque(2), 1150, ran::incrementAndGet));
        queue.add(new RequestTask(ch, RemotingCommand.createRequest(310).opaque(3), 1300, ran::incrementAndGet));
        assertEquals(350, RequestTask.headWaitMillis(queue, 1350));
        assertEquals(2, RequestTask.rejectExpired(queue, 1350, 100, "[TIMEOUT]waited %sms, queue %d"));
        RemotingCommand first = answer(ch);
        assertEquals(ResponseCode.SYSTEM_BUSY, first.code());
        assertEquals(1, first.opaque());
        assertEquals("[TIMEOUT]waited 350ms, queue 2", first.remark());
        assertEquals(2, answer(ch).opaque());
        assertEquals(1, queue.size());
        queue.poll().run();
        assertEquals(1, ran.get());
        assertFalse(ch.finish());
    }

    @Test
    void aTaskRunsOrIsRejectedNeverBoth() {
        EmbeddedChannel ch = new EmbeddedChannel(NettyFrameEncoder.INSTANCE);
        AtomicInteger ran = new AtomicInteger();
        RequestTask task = new RequestTask(ch, RemotingCommand.createRequest(310), 0, ran::incrementAndGet);
        task.run();
        assertFalse(task.rejectBusy("late"));
        task.run();
        assertEquals(1, ran.get());
        assertFalse(ch.finish());
    }
}
