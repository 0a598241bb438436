package io.petrel.remoting.netty;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.Channel;
import io.petrel.remoting.ChannelEventListener;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A connection that stays silent past the idle limit is closed, and the listener hears of it. */
class IdleChannelTest {

    @Test
    void idleChannelIsClosed() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setServerChannelMaxIdleTimeSeconds(1);
        NettyRemotingServer server = new NettyRemotingServer(config, new ChannelEventListener() {
            @Override
            public void onChannelIdle(String remoteAddr, Channel channel) {
                events.add("idle");
            }

            @Override
            public void onChannelClose(String remoteAddr, Channel channel) {
                events.add("close");
            }
        });
        server.start();
        try (Socket socket = new Socket("127.0.0.1", server.localPort())) {
            socket.setSoTimeout(10_000);
            assertEquals(-1, socket.getInputStream().read());
            await().atMost(Duration.ofSeconds(5)).until(() -> events.containsAll(List.of("idle", "close")));
        } finally {
            server.shutdown();
        }
    }
}
