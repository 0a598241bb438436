package io.petrel.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.protocol.RemotingCommand;

/**
 * Writes each command as one frame. A body held as a region (mapped file slices) is not copied: the frame goes
 * out as header + region, and the region's owner is told once the write has finished. Stateless, shared by all
 * channels.
 */
@ChannelHandler.Sharable
final class NettyFrameEncoder extends ChannelOutboundHandlerAdapter {
    static final NettyFrameEncoder INSTANCE = new NettyFrameEncoder();
    private static final int HEADER_ESTIMATE = 256;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof RemotingCommand cmd)) {
            ctx.write(msg, promise);
            return;
        }
        ByteBuf frame;
        try {
            frame = encode(ctx, cmd);
        } catch (RuntimeException e) {
            cmd.releaseBody();
            promise.setFailure(e);
            return;
        }
        if (cmd.bodyRegion() != null) {
            promise.addListener(f -> cmd.releaseBody());
        }
        ctx.write(frame, promise);
    }

    private static ByteBuf encode(ChannelHandlerContext ctx, RemotingCommand cmd) {
        ByteBuf region = cmd.bodyRegion();
        if (region == null) {
            byte[] body = cmd.body();
            ByteBuf out = ctx.alloc().ioBuffer(HEADER_ESTIMATE + (body == null ? 0 : body.length));
            try {
                RemotingFrame.encode(cmd, out);
            } catch (RuntimeException e) {
                out.release();
                throw e;
            }
            return out;
        }
        ByteBuf header = ctx.alloc().ioBuffer(HEADER_ESTIMATE);
        try {
            RemotingFrame.encodeHeader(cmd, header);
        } catch (RuntimeException e) {
            header.release();
            throw e;
        }
        CompositeByteBuf frame = ctx.alloc().compositeDirectBuffer(2);
        frame.addComponents(true, header, region.retainedDuplicate());
        return frame;
    }
}
