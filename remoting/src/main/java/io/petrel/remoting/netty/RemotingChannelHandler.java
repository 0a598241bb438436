package io.petrel.remoting.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of every remoting pipeline: passes decoded responses to the calls waiting for them and requests
 * to the request dispatcher, fails the calls of a channel that closes, reports connection events, closes idle
 * channels and closes a channel on any error in it (bad frames included) — never more than that one channel.
 */
@ChannelHandler.Sharable
final class RemotingChannelHandler extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RemotingChannelHandler.class);

    private final RequestDispatcher requests;
    private final InFlightCalls calls;
    private final ChannelEventDispatcher events;
    private final String side;
    private final boolean server;

    RemotingChannelHandler(RequestDispatcher requests, InFlightCalls calls, ChannelEventDispatcher events,
                           String side) {
        this.requests = requests;
        this.calls = calls;
        this.events = events;
        this.side = side;
        this.server = "server".equals(side);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof RemotingCommand cmd) {
            if (cmd.isResponse()) {
                calls.onResponse(cmd);
            } else {
                requests.onRequest(ctx.channel(), cmd);
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        String addr = NetAddresses.format(ctx.channel().remoteAddress());
        LOG.debug("{}: channel active {}", side, addr);
        events.fire(ChannelEventDispatcher.Kind.CONNECT, addr, ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        String addr = NetAddresses.format(ctx.channel().remoteAddress());
        LOG.debug("{}: channel inactive {}", side, addr);
        calls.failCallsOn(ctx.channel(), addr);
        events.fire(ChannelEventDispatcher.Kind.CLOSE, addr, ctx.channel());
        super.channelInactive(ctx);
    }

    /**
     * A server stops reading a connection whose answers pile up unsent (its peer does not read them) and reads it
     * again once they drain below the low-water mark: a client that floods requests without reading the answers
     * gets TCP back-pressure instead of a broker buffering without bound.
     */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (server) {
            boolean writable = ctx.channel().isWritable();
            ctx.channel().config().setAutoRead(writable);
            if (!writable) {
                LOG.debug("{}: {} does not read its answers; reading it paused", side,
                    NetAddresses.format(ctx.channel().remoteAddress()));
            }
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE) {
            String addr = NetAddresses.format(ctx.channel().remoteAddress());
            LOG.info("{}: closing idle channel {}", side, addr);
            events.fire(ChannelEventDispatcher.Kind.IDLE, addr, ctx.channel());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String addr = NetAddresses.format(ctx.channel().remoteAddress());
        LOG.warn("{}: closing channel {} after error: {}", side, addr, cause.toString());
        events.fire(ChannelEventDispatcher.Kind.EXCEPTION, addr, ctx.channel());
        ctx.close();
    }
}
