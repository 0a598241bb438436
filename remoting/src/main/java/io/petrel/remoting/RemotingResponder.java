package io.petrel.remoting;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.netty.util.internal.PlatformDependent;
import io.petrel.remoting.protocol.RemotingCommand;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends a response to a request later, from any thread (used by processors that hold requests).
 *
 * <p>Responses written from outside the channel's I/O thread go through one queue per channel: the first response
 * into an empty queue schedules one task on the I/O thread, which writes every response queued by then and flushes
 * once. Under load many responses share a task, a wake-up of the I/O thread and a send system call; a lone
 * response costs what a plain write-and-flush costs.
 */
public final class RemotingResponder {
    private static final AttributeKey<Outbox> OUTBOX = AttributeKey.valueOf("petrel.outbox");

    private RemotingResponder() {
    }

    /** Fills opaque, flag and serialize type from the request and writes the response, unless it was oneway. */
    public static void respond(Channel channel, RemotingCommand request, RemotingCommand response) {
        if (response == null) {
            return;
        }
        if (request.isOneway()) {
            response.releaseBody();
            return;
        }
        response.opaque(request.opaque()).markResponse().serializeType(request.serializeType());
        if (channel.eventLoop().inEventLoop()) {
            channel.writeAndFlush(response);
        } else {
            outbox(channel).add(response);
        }
    }

    private static Outbox outbox(Channel channel) {
        Outbox outbox = channel.attr(OUTBOX).get();
        if (outbox == null) {
            Outbox fresh = new Outbox(channel);
            outbox = channel.attr(OUTBOX).setIfAbsent(fresh);
            if (outbox == null) {
                outbox = fresh;
            }
        }
        return outbox;
    }

    /** The responses waiting for one channel's I/O thread. */
    private static final class Outbox implements Runnable {
        private final Channel channel;
        private final Queue<RemotingCommand> queue = PlatformDependent.newMpscQueue();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Outbox(Channel channel) {
            this.channel = channel;
        }

        void add(RemotingCommand response) {
            queue.add(response);
            if (scheduled.compareAndSet(false, true)) {
                try {
                    channel.eventLoop().execute(this);
                } catch (RejectedExecutionException e) {
                    // The I/O thread has shut down with its channel: nobody will read these responses.
                    RemotingCommand dropped;
                    while ((dropped = queue.poll()) != null) {
                        dropped.releaseBody();
                    }
                }
            }
        }

        /** On the I/O thread: writes what is queued, then flushes once. */
        @Override
        public void run() {
            // Cleared before draining: a response added after the last poll schedules the next run.
            scheduled.set(false);
            RemotingCommand response;
            boolean wrote = false;
            while ((response = queue.poll()) != null) {
                channel.write(response);
                wrote = true;
            }
            if (wrote) {
                channel.flush();
            }
        }
    }
}
