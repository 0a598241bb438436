package io.petrel.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.protocol.RemotingCommand;

/** Writes each command as one frame. Stateless, shared by all channels. */
@ChannelHandler.Sharable
final class NettyFrameEncoder extends MessageToByteEncoder<RemotingCommand> {
    static final NettyFrameEncoder INSTANCE = new NettyFrameEncoder();

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand msg, ByteBuf out) {
        RemotingFrame.encode(msg, out);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, RemotingCommand msg, boolean preferDirect) {
        byte[] body = msg.body();
        int estimate = 256 + (body == null ? 0 : body.length);
        return preferDirect ? ctx.alloc().ioBuffer(estimate) : ctx.alloc().heapBuffer(estimate);
    }
}
