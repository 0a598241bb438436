package io.petrel.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.exception.RemotingCommandException;

/**
 * Cuts the byte stream into frames and decodes each into a command. A frame over the limit or a malformed one
 * raises an exception; the connection handler closes that one channel.
 */
final class NettyFrameDecoder extends LengthFieldBasedFrameDecoder {
    NettyFrameDecoder(int maxFrameLength) {
        super(maxFrameLength, 0, RemotingFrame.LENGTH_FIELD_SIZE, 0, RemotingFrame.LENGTH_FIELD_SIZE, true);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        ByteBuf frame = (ByteBuf) super.decode(ctx, in);
        if (frame == null) {
            return null;
        }
        try {
            return RemotingFrame.decode(frame);
        } catch (RemotingCommandException e) {
            throw new CorruptedFrameException(e.getMessage(), e);
        } finally {
            frame.release();
        }
    }
}
