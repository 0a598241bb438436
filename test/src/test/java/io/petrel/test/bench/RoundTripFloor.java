package io.petrel.test.bench;

import io.petrel.remoting.netty.NettyRemotingServer;
import io.petrel.remoting.netty.NettyServerConfig;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;

/**
 * The official client's synchronous round trip to a server that does no work: a Petrel remoting server in this
 * JVM answers a send-shaped request (the header fields and 1 KiB body of a 4.9.7 {@code SEND_MESSAGE_V2}) on its
 * I/O thread with a send-shaped response, and the official 4.9.7 remoting client calls it from 1 to 64 threads over
 * one connection, as a producer does. What a broker adds to a sync send is its rate and latency against this floor;
 * the producer's own work above the remoting call (routes, message properties, the send header object) is not in
 * it, so the floor's rate is an upper bound for any broker driven by that client on this machine.
 */
final class RoundTripFloor {
    /** {@code SEND_MESSAGE_V2}, so that both sides take the path a send takes. */
    private static final int CODE = 310;

    private RoundTripFloor() {
    }

    /**
     * @return per entry of {@code threads}: {calls/s, p50 micros, p99 micros} of {@code seconds} of calls from that
     *     many threads, each count after a warm-up of its own
     */
    static double[][] measure(int[] threads, int warmUpSeconds, int seconds) throws Exception {
        NettyServerConfig serverConfig = new NettyServerConfig();
        serverConfig.setBindAddress("127.0.0.1");
        serverConfig.setListenPort(0);
        NettyRemotingServer server = new NettyRemotingServer(serverConfig);
        server.registerProcessor(CODE, (channel, request) -> {
            RemotingCommand response = RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
            response.addExtField("msgId", "7F00000100002A9F0000000000000000");
            response.addExtField("queueId", "0");
            response.addExtField("queueOffset", "0");
            response.addExtField("transactionId", "");
            return response;
        }, Runnable::run);
        server.start();
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        try {
            String addr = "127.0.0.1:" + server.localPort();
            SendLoops.SyncSender call = body -> {
                org.apache.rocketmq.remoting.protocol.RemotingCommand request =
                    org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(CODE, null);
                String[] fields = {"a", "SUITE_PG", "b", "SUITE_FLOOR", "c", "TBW102", "d", "4", "e", "0", "f", "0",
                    "g", String.valueOf(System.currentTimeMillis()), "h", "0", "i", "UNIQ_KEY\u000130\u0002",
                    "j", "0", "k", "false", "m", "false"};
                for (int i = 0; i < fields.length; i += 2) {
                    request.addExtField(fields[i], fields[i + 1]);
                }
                request.setBody(body);
                org.apache.rocketmq.remoting.protocol.RemotingCommand response = client.invokeSync(addr, request,
                    3000);
                if (response.getCode() != ResponseCode.SUCCESS) {
                    throw new IllegalStateException("answer " + response.getCode());
                }
            };
            double[][] figures = new double[threads.length][];
            for (int i = 0; i < threads.length; i++) {
                SendLoops.sync(call, threads[i], warmUpSeconds);
                long[] r = SendLoops.sync(call, threads[i], seconds);
                if (r[5] > 0) {
                    throw new IllegalStateException(r[5] + " failed calls from " + threads[i] + " threads");
                }
                figures[i] = new double[] {r[0] / (double) seconds, r[1], r[2]};
            }
            return figures;
        } finally {
            client.shutdown();
            server.shutdown();
        }
    }
}
