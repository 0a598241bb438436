package io.petrel.remoting.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.petrel.common.util.NamedThreadFactory;

/** Picks the native epoll transport where it is available and wanted, NIO otherwise. */
final class NettyTransport {
    private final boolean epoll;

    private NettyTransport(boolean epoll) {
        this.epoll = epoll;
    }

    static NettyTransport choose(boolean preferEpoll) {
        return new NettyTransport(preferEpoll && Epoll.isAvailable());
    }

    boolean isEpoll() {
        return epoll;
    }

    /**
     * @param daemon false for a server's loops: they are what keeps a server process alive until it is shut down
     */
    EventLoopGroup newGroup(int threads, String name, boolean daemon) {
        NamedThreadFactory factory = new NamedThreadFactory(name, daemon);
        return epoll ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    }

    Class<? extends ServerSocketChannel> serverChannelClass() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    Class<? extends SocketChannel> channelClass() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
