package io.petrel.remoting.bench;

import io.petrel.common.util.BoundedExecutors;
import io.petrel.remoting.netty.NettyClientConfig;
import io.petrel.remoting.netty.NettyRemotingClient;
import io.petrel.remoting.netty.NettyRemotingServer;
import io.petrel.remoting.netty.NettyServerConfig;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Request/response round trips over loopback with a 1 KiB body echoed back, for 1 and 8 concurrent synchronous
 * callers: Petrel client against Petrel server, and the official 4.9.7 client against the official server, in
 * one run with the same processor pool size. Prints calls/s and latency percentiles per case.
 *
 * <p>Run: see docs/benchmarks.md. Arguments: [warmupSeconds measureSeconds] (default 5 10).
 */
public final class RoundTripBenchmark {
    private static final int CODE = 1000;
    private static final int BODY_BYTES = 1024;
    private static final int PROCESSOR_THREADS = 8;

    interface Caller {
        void call() throws Exception;
    }

    interface Pair extends AutoCloseable {
        Caller newCaller();

        @Override
        void close();
    }

    record Result(String name, int callers, double perSecond, long p50Micros, long p99Micros) {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.setProperty("tls.server.mode", "disabled");
        List<Result> results = new ArrayList<>();
        for (int callers : new int[] {1, 8}) {
            try (Pair petrel = petrelPair()) {
                results.add(run("petrel -> petrel", petrel, callers, warmup, measure));
            }
            try (Pair official = officialPair()) {
                results.add(run("official -> official", official, callers, warmup, measure));
            }
        }
        System.out.println();
        System.out.printf("%-22s %8s %12s %10s %10s%n", "pair", "callers", "calls/s", "p50 us", "p99 us");
        for (Result r : results) {
            System.out.printf("%-22s %8d %12.0f %10d %10d%n", r.name, r.callers, r.perSecond, r.p50Micros,
                r.p99Micros);
        }
        for (int i = 0; i < results.size(); i += 2) {
            System.out.printf("ratio petrel/official with %d caller(s): %.2fx%n", results.get(i).callers,
                results.get(i).perSecond / results.get(i + 1).perSecond);
        }
    }

    static Result run(String name, Pair pair, int callers, int warmupSeconds, int measureSeconds)
        throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        long[][] latencies = new long[callers][];
        int[] counts = new int[callers];
        CountDownLatch done = new CountDownLatch(callers);
        for (int t = 0; t < callers; t++) {
            int id = t;
            Caller caller = pair.newCaller();
            Thread thread = new Thread(() -> {
                long[] lat = new long[1 << 22];
                int n = 0;
                try {
                    while (!stop.get()) {
                        long begin = System.nanoTime();
                        caller.call();
                        long took = System.nanoTime() - begin;
                        if (measuring.get() && n < lat.length) {
                            lat[n++] = took;
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    latencies[id] = lat;
                    counts[id] = n;
                    done.countDown();
                }
            }, "bench-caller-" + t);
            thread.start();
        }
        Thread.sleep(warmupSeconds * 1000L);
        measuring.set(true);
        long begin = System.nanoTime();
        Thread.sleep(measureSeconds * 1000L);
        measuring.set(false);
        long elapsed = System.nanoTime() - begin;
        stop.set(true);
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < callers; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        double perSecond = total / (elapsed / 1e9);
        Result r = new Result(name, callers, perSecond, all.length == 0 ? 0 : all[all.length / 2] / 1000,
            all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1000);
        System.out.printf("%s, %d caller(s): %.0f calls/s%n", name, callers, perSecond);
        return r;
    }

    static Pair petrelPair() {
        NettyServerConfig serverConfig = new NettyServerConfig();
        serverConfig.setBindAddress("127.0.0.1");
        NettyRemotingServer server = new NettyRemotingServer(serverConfig);
        ExecutorService pool = BoundedExecutors.fixed("bench-petrel", PROCESSOR_THREADS, 100_000);
        server.registerProcessor(CODE, (ch, req) ->
            RemotingCommand.createResponse(ResponseCode.SUCCESS, null).body(req.body()), pool);
        server.start();
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        String addr = "127.0.0.1:" + server.localPort();
        byte[] body = new byte[BODY_BYTES];
        return new Pair() {
            @Override
            public Caller newCaller() {
                return () -> {
                    RemotingCommand req = RemotingCommand.createRequest(CODE).body(body);
                    req.addExtField("topic", "BenchTopic");
                    RemotingCommand resp = client.invokeSync(addr, req, 3000);
                    if (resp.code() != ResponseCode.SUCCESS || resp.body().length != BODY_BYTES) {
                        throw new IllegalStateException("bad response " + resp);
                    }
                };
            }

            @Override
            public void close() {
                client.shutdown();
                server.shutdown();
                pool.shutdownNow();
            }
        };
    }

    static Pair officialPair() {
        org.apache.rocketmq.remoting.netty.NettyServerConfig serverConfig =
            new org.apache.rocketmq.remoting.netty.NettyServerConfig();
        serverConfig.setListenPort(0);
        org.apache.rocketmq.remoting.netty.NettyRemotingServer server =
            new org.apache.rocketmq.remoting.netty.NettyRemotingServer(serverConfig);
        ExecutorService pool = BoundedExecutors.fixed("bench-official", PROCESSOR_THREADS, 100_000);
        server.registerProcessor(CODE, new org.apache.rocketmq.remoting.netty.NettyRequestProcessor() {
            @Override
            public org.apache.rocketmq.remoting.protocol.RemotingCommand processRequest(
                io.netty.channel.ChannelHandlerContext ctx, org.apache.rocketmq.remoting.protocol.RemotingCommand req) {
                org.apache.rocketmq.remoting.protocol.RemotingCommand resp =
                    org.apache.rocketmq.remoting.protocol.RemotingCommand.createResponseCommand(0, null);
                resp.setBody(req.getBody());
                return resp;
            }

            @Override
            public boolean rejectRequest() {
                return false;
            }
        }, pool);
        server.start();
        org.apache.rocketmq.remoting.netty.NettyRemotingClient client =
            new org.apache.rocketmq.remoting.netty.NettyRemotingClient(
                new org.apache.rocketmq.remoting.netty.NettyClientConfig());
        client.start();
        String addr = "127.0.0.1:" + server.localListenPort();
        byte[] body = new byte[BODY_BYTES];
        return new Pair() {
            @Override
            public Caller newCaller() {
                return () -> {
                    org.apache.rocketmq.remoting.protocol.RemotingCommand req =
                        org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(CODE, null);
                    req.addExtField("topic", "BenchTopic");
                    req.setBody(body);
                    org.apache.rocketmq.remoting.protocol.RemotingCommand resp = client.invokeSync(addr, req, 3000);
                    if (resp.getCode() != 0 || resp.getBody().length != BODY_BYTES) {
                        throw new IllegalStateException("bad response " + resp);
                    }
                };
            }

            @Override
            public void close() {
                client.shutdown();
                server.shutdown();
                pool.shutdownNow();
            }
        };
    }
}
