package io.petrel.remoting.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.SerializeType;
import org.junit.jupiter.api.Test;

class RemotingFrameTest {

    @Test
    void headerLongerThanFrameIsRejected() {
        ByteBuf frame = Unpooled.buffer().writeInt(100).writeBytes(new byte[10]);
        assertThrows(RemotingCommandException.class, () -> RemotingFrame.decode(frame));
    }

    @Test
    void unknownSerializeTypeIsRejected() {
        ByteBuf frame = Unpooled.buffer().writeInt(0x05000002).writeBytes("{}".getBytes());
        assertThrows(RemotingCommandException.class, () -> RemotingFrame.decode(frame));
    }

    @Test
    void tooShortFrameIsRejected() {
        assertThrows(RemotingCommandException.class, () -> RemotingFrame.decode(Unpooled.buffer().writeShort(1)));
    }

    @Test
    void rocketMQLengthsBeyondTheHeaderAreRejected() {
        ByteBuf header = Unpooled.buffer().writeShort(105).writeByte(0).writeShort(407).writeInt(1).writeInt(0)
            .writeInt(1000).writeInt(0);
        ByteBuf frame = Unpooled.buffer().writeInt(0x01000000 | header.readableBytes()).writeBytes(header);
        assertThrows(RemotingCommandException.class, () -> RemotingFrame.decode(frame));
        ByteBuf badExt = Unpooled.buffer().writeShort(105).writeByte(0).writeShort(407).writeInt(1).writeInt(0)
            .writeInt(0).writeInt(8).writeShort(50).writeShort(0).writeInt(0);
        ByteBuf frame2 = Unpooled.buffer().writeInt(0x01000000 | badExt.readableBytes()).writeBytes(badExt);
        assertThrows(RemotingCommandException.class, () -> RemotingFrame.decode(frame2));
    }

    @Test
    void emptyStringsTravelAsAbsentInRocketMQ() throws Exception {
        RemotingCommand cmd = RemotingCommand.createRequest(1).remark("").serializeType(SerializeType.ROCKETMQ);
        cmd.addExtField("k", "");
        cmd.addExtField("kept", "x");
        ByteBuf out = Unpooled.buffer();
        RemotingFrame.encode(cmd, out);
        out.readInt();
        RemotingCommand back = RemotingFrame.decode(out);
        assertNull(back.remark());
        assertNull(back.extFields().get("k"));
        assertEquals("x", back.extFields().get("kept"));
    }

    @Test
    void bodyRegionEncodesLikeAByteArrayBody() {
        for (SerializeType type : SerializeType.values()) {
            RemotingCommand withArray = RemotingCommand.createResponse(0, "r").body(new byte[] {9, 8, 7})
                .serializeType(type);
            RemotingCommand withRegion = RemotingCommand.createResponse(0, "r").serializeType(type)
                .bodyRegion(Unpooled.wrappedBuffer(new byte[] {9}, new byte[] {8, 7}), () -> { });
            ByteBuf x = Unpooled.buffer();
            ByteBuf y = Unpooled.buffer();
            RemotingFrame.encode(withArray, x);
            RemotingFrame.encode(withRegion, y);
            assertEquals(x, y);
        }
    }

    @Test
    void bodyAndLengthsAreConsistent() throws Exception {
        for (SerializeType type : SerializeType.values()) {
            RemotingCommand cmd = RemotingCommand.createRequest(310).body(new byte[1024]).serializeType(type);
            ByteBuf out = Unpooled.buffer();
            RemotingFrame.encode(cmd, out);
            assertEquals(out.readableBytes() - 4, out.getInt(0));
            out.readInt();
            RemotingCommand back = RemotingFrame.decode(out);
            assertEquals(1024, back.body().length);
            assertEquals(type, back.serializeType());
        }
    }
}
