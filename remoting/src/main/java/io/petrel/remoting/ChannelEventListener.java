package io.petrel.remoting;

import io.netty.channel.Channel;

/** Connection life-cycle events, delivered on one event thread in the order they happened. */
public interface ChannelEventListener {
    default void onChannelConnect(String remoteAddr, Channel channel) {
    }

    default void onChannelClose(String remoteAddr, Channel channel) {
    }

    default void onChannelIdle(String remoteAddr, Channel channel) {
    }

    default void onChannelException(String remoteAddr, Channel channel) {
    }
}
