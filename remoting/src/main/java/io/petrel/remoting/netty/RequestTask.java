package io.petrel.remoting.netty;

import io.netty.channel.Channel;
import io.petrel.remoting.RemotingResponder;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request waiting in (or running from) a processor's pool. Queued tasks can be inspected and answered
 * SYSTEM_BUSY without running, which is how a broker sheds load when requests wait too long.
 */
public final class RequestTask implements Runnable {
    private final Channel channel;
    private final RemotingCommand request;
    private final long createdMillis;
    private final Runnable work;
    private final AtomicBoolean stopRun = new AtomicBoolean();

    RequestTask(Channel channel, RemotingCommand request, long createdMillis, Runnable work) {
        this.channel = channel;
        this.request = request;
        this.createdMillis = createdMillis;
        this.work = work;
    }

    @Override
    public void run() {
        if (stopRun.compareAndSet(false, true)) {
            work.run();
        }
    }

    public long createdMillis() {
        return createdMillis;
    }

    public RemotingCommand request() {
        return request;
    }

    /** Answers SYSTEM_BUSY instead of running; false if the task already ran (or was answered). */
    public boolean rejectBusy(String remark) {
        if (!stopRun.compareAndSet(false, true)) {
            return false;
        }
        RemotingResponder.respond(channel, request, RemotingCommand.createResponse(ResponseCode.SYSTEM_BUSY, remark));
        return true;
    }

    /**
     * Answers busy every task at the head of {@code queue} that has waited longer than {@code maxWaitMillis}.
     * {@code remarkFormat} gets the wait (ms) and the queue size.
     *
     * @return how many were answered
     */
    public static int rejectExpired(BlockingQueue<Runnable> queue, long nowMillis, long maxWaitMillis,
                                    String remarkFormat) {
        int rejected = 0;
        while (true) {
            Runnable head = queue.peek();
            if (!(head instanceof RequestTask task) || nowMillis - task.createdMillis <= maxWaitMillis) {
                return rejected;
            }
            if (queue.remove(head) && task.rejectBusy(String.format(remarkFormat, nowMillis - task.createdMillis,
                queue.size()))) {
                rejected++;
            }
        }
    }

    /** Answers busy every queued task (e.g. while the store's append lock is congested). */
    public static int rejectAll(BlockingQueue<Runnable> queue, long nowMillis, String remarkFormat) {
        int rejected = 0;
        Runnable head;
        while ((head = queue.poll()) != null) {
            if (head instanceof RequestTask task && task.rejectBusy(String.format(remarkFormat,
                nowMillis - task.createdMillis, queue.size()))) {
                rejected++;
            }
        }
        return rejected;
    }

    /** How long the oldest queued request has waited, in ms (0 when none). */
    public static long headWaitMillis(BlockingQueue<Runnable> queue, long nowMillis) {
        return queue.peek() instanceof RequestTask task ? Math.max(0, nowMillis - task.createdMillis) : 0;
    }
}
