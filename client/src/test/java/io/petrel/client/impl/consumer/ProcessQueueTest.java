package io.petrel.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProcessQueueTest {
    private static MessageExt msg(long offset, int bodySize) {
        MessageExt m = new MessageExt();
        m.setTopic("T");
        m.setQueueOffset(offset);
        m.setBody(new byte[bodySize]);
        return m;
    }

    private static List<MessageExt> msgs(long from, int count, int bodySize) {
        List<MessageExt> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(msg(from + i, bodySize));
        }
        return out;
    }

    private static List<Long> offsets(List<MessageExt> msgs) {
        return msgs.stream().map(MessageExt::getQueueOffset).toList();
    }

    @Test
    void removeOnEmptyQueueReturnsMinusOne() {
        ProcessQueue pq = new ProcessQueue();
        assertEquals(-1, pq.removeMessage(msgs(0, 3, 1)));
        assertEquals(0, pq.getMsgCount().get());
        assertEquals(0, pq.getMsgSize().get());
        assertEquals(-1, pq.firstOffset());
        assertEquals(-1, pq.lastOffset());
        assertEquals(0, pq.getMaxSpan());
    }

    @Test
    void commitOffsetIsTheFirstStillCached() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> batch = msgs(100, 5, 10);
        pq.putMessage(batch);
        assertEquals(5, pq.getMsgCount().get());
        assertEquals(50, pq.getMsgSize().get());
        assertEquals(4, pq.getMaxSpan());
        assertEquals(100, pq.firstOffset());
        assertEquals(104, pq.lastOffset());

        // 101 and 103 done; 100 still in flight holds the commit offset back
        assertEquals(100, pq.removeMessage(List.of(batch.get(1), batch.get(3))));
        assertEquals(3, pq.getMsgCount().get());
        assertEquals(30, pq.getMsgSize().get());
        assertEquals(4, pq.getMaxSpan());

        assertEquals(102, pq.removeMessage(List.of(batch.get(0))));
        assertEquals(2, pq.getMaxSpan());
        assertEquals(104, pq.removeMessage(List.of(batch.get(2))));
        assertEquals(0, pq.getMaxSpan());
        // the last one: nothing is left, so everything up to the highest offset is consumed
        assertEquals(105, pq.removeMessage(List.of(batch.get(4))));
        assertEquals(0, pq.getMsgCount().get());
        assertEquals(0, pq.getMsgSize().get());
        assertFalse(pq.hasTempMessage());
        assertEquals(-1, pq.removeMessage(List.of(batch.get(4))), "nothing cached any more");
    }

    @Test
    void removingAnUnknownOffsetChangesNoCounter() {
        ProcessQueue pq = new ProcessQueue();
        pq.putMessage(msgs(10, 2, 7));
        assertEquals(10, pq.removeMessage(List.of(msg(99, 7), msg(3, 7))));
        assertEquals(2, pq.getMsgCount().get());
        assertEquals(14, pq.getMsgSize().get());
        assertEquals(12, pq.removeMessage(msgs(10, 2, 7)));
    }

    @Test
    void duplicateOffsetsAreCountedOnce() {
        ProcessQueue pq = new ProcessQueue();
        pq.putMessage(msgs(0, 3, 4));
        pq.putMessage(msgs(1, 3, 4));
        assertEquals(4, pq.getMsgCount().get());
        assertEquals(16, pq.getMsgSize().get());
        assertEquals(3, pq.getMaxSpan());
    }

    @Test
    void messagesWithoutBodyCountZeroBytes() {
        ProcessQueue pq = new ProcessQueue();
        MessageExt m = msg(0, 0);
        m.setBody(null);
        pq.putMessage(List.of(m, msg(1, 3)));
        assertEquals(2, pq.getMsgCount().get());
        assertEquals(3, pq.getMsgSize().get());
        assertEquals(1, pq.removeMessage(List.of(m)));
        assertEquals(3, pq.getMsgSize().get());
    }

    @Test
    void dispatchOnlyWhenNotAlreadyConsuming() {
        ProcessQueue pq = new ProcessQueue();
        assertFalse(pq.putMessage(List.of()), "nothing cached, nothing to dispatch");
        assertFalse(pq.isConsuming());
        assertTrue(pq.putMessage(msgs(0, 2, 1)));
        assertTrue(pq.isConsuming());
        assertFalse(pq.putMessage(msgs(2, 2, 1)), "a consume request is already running");

        // orderly: taking an empty batch ends consumption, so the next put dispatches again
        assertEquals(4, pq.takeMessages(10).size());
        assertTrue(pq.isConsuming());
        assertTrue(pq.takeMessages(10).isEmpty());
        assertFalse(pq.isConsuming());
        assertTrue(pq.putMessage(msgs(4, 1, 1)));
    }

    @Test
    void accumulatedCountComesFromTheLastMessagesMaxOffset() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> batch = msgs(10, 3, 1);
        batch.get(2).putProperty(MessageProperties.MAX_OFFSET, "50");
        pq.putMessage(batch);
        assertEquals(38, pq.getMsgAccCnt());
        pq.putMessage(msgs(13, 1, 1));
        assertEquals(38, pq.getMsgAccCnt(), "a batch without MAX_OFFSET leaves it alone");
    }

    @Test
    void orderlyTakeAndCommit() {
        ProcessQueue pq = new ProcessQueue();
        pq.putMessage(msgs(20, 5, 2));
        assertEquals(-1, pq.commit(), "nothing taken yet");

        List<MessageExt> first = pq.takeMessages(2);
        assertEquals(List.of(20L, 21L), offsets(first));
        assertEquals(2, pq.consumingCount());
        assertEquals(22, pq.firstOffset());
        assertEquals(5, pq.getMsgCount().get(), "taken messages still count until committed");
        assertEquals(10, pq.getMsgSize().get());

        assertEquals(22, pq.commit());
        assertEquals(0, pq.consumingCount());
        assertEquals(3, pq.getMsgCount().get());
        assertEquals(6, pq.getMsgSize().get());
        assertEquals(-1, pq.commit(), "the batch is gone");

        List<MessageExt> rest = pq.takeMessages(10);
        assertEquals(List.of(22L, 23L, 24L), offsets(rest));
        assertFalse(pq.hasTempMessage());
        assertEquals(25, pq.commit());
        assertEquals(0, pq.getMsgCount().get());
        assertEquals(0, pq.getMsgSize().get());
    }

    @Test
    void orderlyConsumeAgainPutsTheBatchBackFirst() {
        ProcessQueue pq = new ProcessQueue();
        pq.putMessage(msgs(0, 4, 1));
        List<MessageExt> batch = pq.takeMessages(2);
        pq.makeMessageToConsumeAgain(batch);
        assertEquals(0, pq.consumingCount());
        assertEquals(0, pq.firstOffset());
        assertEquals(4, pq.getMsgCount().get());
        assertEquals(List.of(0L, 1L, 2L), offsets(pq.takeMessages(3)));

        // only part of a batch may go back: the rest stays in consumption and is committed
        List<MessageExt> more = pq.takeMessages(1);
        assertEquals(List.of(3L), offsets(more));
        pq.makeMessageToConsumeAgain(List.of(msg(1, 1)));
        assertEquals(3, pq.consumingCount());
        assertEquals(4, pq.commit());
        assertEquals(1, pq.firstOffset());
        assertEquals(1, pq.getMsgCount().get());
    }

    @Test
    void orderlyRollbackReturnsEveryTakenMessage() {
        ProcessQueue pq = new ProcessQueue();
        pq.putMessage(msgs(7, 3, 5));
        pq.takeMessages(2);
        pq.rollback();
        assertEquals(0, pq.consumingCount());
        assertEquals(List.of(7L, 8L, 9L), offsets(pq.takeMessages(3)));
        assertEquals(15, pq.getMsgSize().get());
        assertEquals(3, pq.getMsgCount().get());
    }

    @Test
    void clearForgetsEverything() {
        ProcessQueue pq = new ProcessQueue();
        pq.putMessage(msgs(0, 3, 1));
        pq.takeMessages(1);
        pq.clear();
        assertEquals(0, pq.getMsgCount().get());
        assertEquals(0, pq.getMsgSize().get());
        assertEquals(0, pq.consumingCount());
        assertFalse(pq.hasTempMessage());
        assertEquals(-1, pq.commit());
    }

    @Test
    void expiredMessagesArePrefixOfOldConsumptionStarts() {
        ProcessQueue pq = new ProcessQueue();
        long now = System.currentTimeMillis();
        List<MessageExt> batch = msgs(0, 20, 1);
        for (int i = 0; i < batch.size(); i++) {
            // 0..17 started an hour ago, 18 a moment ago, 19 has not started
            if (i < 18) {
                batch.get(i).putProperty(MessageProperties.CONSUME_START_TIME, Long.toString(now - 3_600_000));
            } else if (i == 18) {
                batch.get(i).putProperty(MessageProperties.CONSUME_START_TIME, Long.toString(now));
            }
        }
        pq.putMessage(batch);
        List<MessageExt> expired = pq.expiredMessages(60_000);
        assertEquals(16, expired.size(), "at most 16 at a time");
        assertEquals(0, expired.get(0).getQueueOffset());
        assertEquals(15, expired.get(15).getQueueOffset());
        assertEquals(20, pq.getMsgCount().get(), "looking does not remove");

        pq.removeMessage(expired);
        assertEquals(List.of(16L, 17L), offsets(pq.expiredMessages(60_000)));
        assertTrue(pq.expiredMessages(7_200_000).isEmpty(), "not expired under a longer timeout");

        pq.removeMessage(msgs(16, 2, 1));
        assertTrue(pq.expiredMessages(60_000).isEmpty(), "the first one is still fresh");
    }

    @Test
    void expiredMessagesStopAtOneNotStarted() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> batch = msgs(0, 2, 1);
        batch.get(1).putProperty(MessageProperties.CONSUME_START_TIME, "1");
        pq.putMessage(batch);
        assertTrue(pq.expiredMessages(0).isEmpty());
    }

    @Test
    void lockAndPullTimestamps() {
        ProcessQueue pq = new ProcessQueue();
        assertFalse(pq.isLockExpired());
        assertFalse(pq.isPullExpired());
        pq.setLastLockTimestamp(System.currentTimeMillis() - ProcessQueue.REBALANCE_LOCK_MAX_LIVE_TIME - 1);
        assertTrue(pq.isLockExpired());
        pq.setLastPullTimestamp(0);
        assertTrue(pq.isPullExpired());
        pq.setDropped(true);
        assertTrue(pq.isDropped());
    }

    /** The same random operations on Petrel's and the official ProcessQueue give the same answers. */
    @Test
    void sameAnswersAsTheOfficialProcessQueue() {
        long seed = 20240611L;
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            ProcessQueue petrel = new ProcessQueue();
            org.apache.rocketmq.client.impl.consumer.ProcessQueue official =
                new org.apache.rocketmq.client.impl.consumer.ProcessQueue();
            List<Long> pulled = new ArrayList<>();
            long next = random.nextInt(1000);
            for (int step = 0; step < 40; step++) {
                String what = "seed " + seed + " round " + round + " step " + step;
                switch (random.nextInt(6)) {
                    case 0, 1 -> {
                        int n = random.nextInt(5);
                        List<Long> offs = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            offs.add(next++);
                        }
                        int size = random.nextInt(50);
                        assertEquals(official.putMessage(officialMsgs(offs, size)),
                            petrel.putMessage(petrelMsgs(offs, size)), what);
                        pulled.addAll(offs);
                    }
                    case 2 -> {
                        List<Long> offs = sample(random, pulled);
                        assertEquals(official.removeMessage(officialMsgs(offs, 0)),
                            petrel.removeMessage(petrelMsgs(offs, 0)), what);
                    }
                    case 3 -> {
                        int n = random.nextInt(4);
                        assertEquals(officialOffsets(official.takeMessages(n)), offsets(petrel.takeMessages(n)), what);
                    }
                    case 4 -> {
                        if (petrel.consumingCount() > 0) {
                            assertEquals(official.commit(), petrel.commit(), what);
                        } else {
                            official.rollback();
                            petrel.rollback();
                        }
                    }
                    default -> {
                        List<Long> offs = sample(random, pulled);
                        official.makeMessageToConsumeAgain(officialMsgs(offs, 0));
                        petrel.makeMessageToConsumeAgain(petrelMsgs(offs, 0));
                    }
                }
                assertEquals(official.getMsgCount().get(), petrel.getMsgCount().get(), what);
                assertEquals(official.getMsgSize().get(), petrel.getMsgSize().get(), what);
                assertEquals(official.getMaxSpan(), petrel.getMaxSpan(), what);
                assertEquals(official.hasTempMessage(), petrel.hasTempMessage(), what);
            }
        }
    }

    private static List<Long> sample(Random random, List<Long> from) {
        List<Long> out = new ArrayList<>();
        for (Long o : from) {
            if (random.nextInt(3) == 0) {
                out.add(o);
            }
        }
        return out;
    }

    private static List<MessageExt> petrelMsgs(List<Long> offsets, int size) {
        List<MessageExt> out = new ArrayList<>();
        for (long o : offsets) {
            out.add(msg(o, size));
        }
        return out;
    }

    private static List<org.apache.rocketmq.common.message.MessageExt> officialMsgs(List<Long> offsets, int size) {
        List<org.apache.rocketmq.common.message.MessageExt> out = new ArrayList<>();
        for (long o : offsets) {
            org.apache.rocketmq.common.message.MessageExt m = new org.apache.rocketmq.common.message.MessageExt();
            m.setTopic("T");
            m.setQueueOffset(o);
            m.setBody(new byte[size]);
            out.add(m);
        }
        return out;
    }

    private static List<Long> officialOffsets(List<org.apache.rocketmq.common.message.MessageExt> msgs) {
        return msgs.stream().map(org.apache.rocketmq.common.message.MessageExt::getQueueOffset).toList();
    }
}
