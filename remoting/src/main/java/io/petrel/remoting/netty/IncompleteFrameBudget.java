package io.petrel.remoting.netty;

import io.netty.channel.ChannelHandlerContext;
import io.petrel.common.util.NetAddresses;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes one server holds in frames that have begun to arrive but are not complete, over all its connections,
 * with a limit. Each connection's share is only what it has actually sent, but thousands of connections that start
 * frames and never finish them (slow-loris) would otherwise hold memory without bound. When the total passes the
 * limit, the connections whose incomplete frame began longest ago are closed until it is under the limit again:
 * a frame that completes at network speed is never the oldest for long, one trickled in a byte at a time is.
 * Thread-safe: shares change on each connection's I/O thread.
 */
final class IncompleteFrameBudget {
    private static final Logger LOG = LoggerFactory.getLogger(IncompleteFrameBudget.class);

    private final long limit;
    private final LongSupplier clock;
    private final AtomicLong held = new AtomicLong();
    private final Set<Share> holders = ConcurrentHashMap.newKeySet();

    /** @param limit the most bytes all connections together may hold in incomplete frames */
    IncompleteFrameBudget(long limit, LongSupplier clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Bytes held in incomplete frames now. */
    long held() {
        return held.get();
    }

    Share newShare(ChannelHandlerContext ctx) {
        return new Share(ctx);
    }

    /** One connection's share: what its decoder holds after each read. */
    final class Share {
        private final ChannelHandlerContext ctx;
        private final AtomicLong bytes = new AtomicLong();
        private volatile long since;
        private volatile boolean evicted;

        private Share(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }

        /**
         * The connection now holds {@code now} bytes of an incomplete frame (0 when every frame read is whole);
         * {@code completed}: the read completed a frame, so what it holds is a newer frame's beginning.
         */
        void holding(long now, boolean completed) {
            if (evicted) {
                return;
            }
            long before = bytes.getAndSet(now);
            if (now > 0 && (before == 0 || completed)) {
                since = clock.getAsLong();
            }
            if (before == now) {
                return;
            }
            if (before == 0) {
                holders.add(this);
            } else if (now == 0) {
                holders.remove(this);
            }
            if (held.addAndGet(now - before) > limit && now > before) {
                evictOldest();
            }
        }

        /** The connection is gone: its share is returned. */
        void release() {
            evicted = true;
            holders.remove(this);
            held.addAndGet(-bytes.getAndSet(0));
        }
    }

    private void evictOldest() {
        while (held.get() > limit) {
            Share oldest = null;
            for (Share s : holders) {
                if (!s.evicted && (oldest == null || s.since < oldest.since)) {
                    oldest = s;
                }
            }
            if (oldest == null) {
                return;
            }
            long bytes = oldest.bytes.get();
            oldest.release();
            LOG.warn("closing {}: it has held {} bytes of an incomplete frame for {} ms while incomplete frames on all "
                    + "connections passed {} bytes (serverMaxIncompleteFrameBytes)",
                NetAddresses.format(oldest.ctx.channel().remoteAddress()), bytes, clock.getAsLong() - oldest.since,
                limit);
            oldest.ctx.close();
        }
    }
}
