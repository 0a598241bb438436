package io.petrel.broker.testing;

import io.petrel.common.util.BoundedExecutors;
import io.petrel.remoting.netty.NettyRemotingServer;
import io.petrel.remoting.netty.NettyServerConfig;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A stand-in for a master broker on loopback: a main port and, two below it, a VIP port, each answering the
 * request codes a test gives it with a fixed code and body. Every request is counted.
 */
public final class FakeMasterServer implements AutoCloseable {
    private static final int BIND_ATTEMPTS = 20;

    private final Map<Integer, Supplier<RemotingCommand>> mainAnswers = new ConcurrentHashMap<>();
    private final Map<Integer, Supplier<RemotingCommand>> vipAnswers = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService pool = BoundedExecutors.fixed("fake-master", 2, 100);
    private NettyRemotingServer main;
    private NettyRemotingServer vip;

    /** Binds a main port on 127.0.0.1 whose port − 2 is free too, and listens on both. */
    public FakeMasterServer start() {
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            NettyRemotingServer candidate = server(0, mainAnswers);
            candidate.start();
            int vipPort = candidate.localPort() - 2;
            if (vipPort > 1024) {
                NettyRemotingServer vipCandidate = server(vipPort, vipAnswers);
                try {
                    vipCandidate.start();
                    main = candidate;
                    vip = vipCandidate;
                    return this;
                } catch (IllegalStateException portTaken) {
                    // another process holds port - 2: try another pair
                }
            }
            candidate.shutdown();
        }
        throw new IllegalStateException("no free main/VIP port pair found in " + BIND_ATTEMPTS + " attempts");
    }

    /** The master's {@code 127.0.0.1:listenPort}. */
    public String address() {
        return "127.0.0.1:" + main.localPort();
    }

    /** Answers {@code code} on the main port with SUCCESS and {@code body} (read at each request). */
    public FakeMasterServer answerMain(int code, Supplier<byte[]> body) {
        mainAnswers.put(code, () -> RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(body.get()));
        return this;
    }

    /** Answers {@code code} on the VIP port with SUCCESS and {@code body} (read at each request). */
    public FakeMasterServer answerVip(int code, Supplier<byte[]> body) {
        vipAnswers.put(code, () -> RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(body.get()));
        return this;
    }

    /** Answers {@code code} on the main port with {@code responseCode} and a remark, no body. */
    public FakeMasterServer refuseMain(int code, int responseCode, String remark) {
        mainAnswers.put(code, () -> RemotingCommand.createResponse(responseCode, remark));
        return this;
    }

    /** Stops the VIP port, as if only that port were unreachable. */
    public void stopVip() {
        vip.shutdown();
    }

    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        if (main != null) {
            main.shutdown();
        }
        if (vip != null) {
            vip.shutdown();
        }
        BoundedExecutors.shutdown(pool, 5000);
    }

    private NettyRemotingServer server(int port, Map<Integer, Supplier<RemotingCommand>> answers) {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(port);
        NettyRemotingServer server = new NettyRemotingServer(config);
        server.registerDefaultProcessor((ch, req) -> {
            requests.incrementAndGet();
            Supplier<RemotingCommand> answer = answers.get(req.code());
            return answer != null ? answer.get() : RemotingCommand.unsupported(req);
        }, pool);
        return server;
    }
}
