package io.petrel.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.exception.RemotingCommandException;

/**
 * Cuts the byte stream into frames and decodes each into a command. A frame over the limit or a malformed one
 * raises an exception; the connection handler closes that one channel. On a server, what the connection holds of
 * an incomplete frame after each read counts against the server's {@link IncompleteFrameBudget}.
 */
final class NettyFrameDecoder extends LengthFieldBasedFrameDecoder {
    private final IncompleteFrameBudget budget;
    private IncompleteFrameBudget.Share share;
    /** Whether the read being handled completed a frame. */
    private boolean completed;

    NettyFrameDecoder(int maxFrameLength) {
        this(maxFrameLength, null);
    }

    NettyFrameDecoder(int maxFrameLength, IncompleteFrameBudget budget) {
        super(maxFrameLength, 0, RemotingFrame.LENGTH_FIELD_SIZE, 0, RemotingFrame.LENGTH_FIELD_SIZE, true);
        this.budget = budget;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        super.handlerAdded(ctx);
        if (budget != null) {
            share = budget.newShare(ctx);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        completed = false;
        super.channelRead(ctx, msg);
        if (share != null) {
            share.holding(internalBuffer().readableBytes(), completed);
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) throws Exception {
        if (share != null) {
            share.release();
        }
        super.handlerRemoved0(ctx);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        ByteBuf frame = (ByteBuf) super.decode(ctx, in);
        if (frame == null) {
            return null;
        }
        completed = true;
        try {
            return RemotingFrame.decode(frame);
        } catch (RemotingCommandException e) {
            throw new CorruptedFrameException(e.getMessage(), e);
        } finally {
            frame.release();
        }
    }
}
