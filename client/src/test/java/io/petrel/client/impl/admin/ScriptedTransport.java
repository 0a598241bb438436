package io.petrel.client.impl.admin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.exception.RemotingTimeoutException;
import io.petrel.remoting.protocol.RemotingCommand;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * An {@link AdminTransport} without a network: records every request and answers from a script (address and
 * request → response); a request the script does not answer fails as a timeout would.
 */
final class ScriptedTransport implements AdminTransport {
    record Call(String addr, RemotingCommand request, long timeoutMillis) {
        int code() {
            return request.code();
        }

        /** The request's ext fields as they arrive: the typed header's non-null fields plus any extra field. */
        Map<String, String> fields() {
            return ScriptedTransport.fields(request);
        }
    }

    final List<Call> calls = new ArrayList<>();
    private final List<String> nameServers;
    private final BiFunction<String, RemotingCommand, RemotingCommand> script;

    ScriptedTransport(List<String> nameServers, BiFunction<String, RemotingCommand, RemotingCommand> script) {
        this.nameServers = nameServers;
        this.script = script;
    }

    /** Answers nothing: for tests that only look at what was sent. */
    static ScriptedTransport silent(List<String> nameServers) {
        return new ScriptedTransport(nameServers, (addr, request) -> null);
    }

    @Override
    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
        throws RemotingException {
        calls.add(new Call(addr, request, timeoutMillis));
        RemotingCommand response = script.apply(addr, request);
        if (response == null) {
            throw new RemotingTimeoutException("no scripted answer for code " + request.code() + " to " + addr);
        }
        return response;
    }

    @Override
    public List<String> nameServerAddressList() {
        return nameServers;
    }

    Call last() {
        return calls.get(calls.size() - 1);
    }

    List<Call> callsWithCode(int code) {
        return calls.stream().filter(c -> c.code() == code).toList();
    }

    /** The request's ext fields as an official 4.9.7 peer reads them from the encoded frame. */
    static Map<String, String> fields(RemotingCommand request) {
        ByteBuf frame = Unpooled.buffer();
        try {
            RemotingFrame.encode(request, frame);
            frame.skipBytes(RemotingFrame.LENGTH_FIELD_SIZE);
            org.apache.rocketmq.remoting.protocol.RemotingCommand decoded =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.decode(
                    ByteBuffer.wrap(ByteBufUtil.getBytes(frame)));
            return decoded.getExtFields() == null ? Map.of() : new HashMap<>(decoded.getExtFields());
        } catch (org.apache.rocketmq.remoting.exception.RemotingCommandException e) {
            throw new AssertionError("the official decoder refused the frame", e);
        } finally {
            frame.release();
        }
    }

    static RemotingCommand ok(byte[] body) {
        return RemotingCommand.createResponse(0, null).body(body);
    }

    static RemotingCommand error(int code, String remark) {
        return RemotingCommand.createResponse(code, remark);
    }
}
