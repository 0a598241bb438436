package io.petrel.remoting.netty;

import io.netty.channel.Channel;
import io.petrel.common.util.BoundedExecutors;
import io.petrel.remoting.ChannelEventListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands channel events to a listener on one thread of their own, so a slow listener never stalls I/O. */
final class ChannelEventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelEventDispatcher.class);
    private static final int MAX_PENDING_EVENTS = 10_000;

    enum Kind { CONNECT, CLOSE, IDLE, EXCEPTION }

    private final ChannelEventListener listener;
    private final String name;
    private ExecutorService executor;

    ChannelEventDispatcher(ChannelEventListener listener, String name) {
        this.listener = listener;
        this.name = name;
    }

    void start() {
        if (listener != null) {
            executor = BoundedExecutors.fixed(name, 1, MAX_PENDING_EVENTS);
        }
    }

    void fire(Kind kind, String remoteAddr, Channel channel) {
        if (executor == null) {
            return;
        }
        try {
            executor.execute(() -> deliver(kind, remoteAddr, channel));
        } catch (RejectedExecutionException e) {
            LOG.warn("channel event {} of {} dropped: event queue full or stopped", kind, remoteAddr);
        }
    }

    private void deliver(Kind kind, String remoteAddr, Channel channel) {
        try {
            switch (kind) {
                case CONNECT -> listener.onChannelConnect(remoteAddr, channel);
                case CLOSE -> listener.onChannelClose(remoteAddr, channel);
                case IDLE -> listener.onChannelIdle(remoteAddr, channel);
                case EXCEPTION -> listener.onChannelException(remoteAddr, channel);
            }
        } catch (RuntimeException e) {
            LOG.warn("channel event listener failed on {} of {}", kind, remoteAddr, e);
        }
    }

    void shutdown() {
        BoundedExecutors.shutdown(executor, 3000);
        executor = null;
    }
}
