package io.petrel.broker.admin;

import io.netty.channel.Channel;
import io.petrel.remoting.protocol.RemotingCommand;

/** Serves one admin request code. */
@FunctionalInterface
public interface AdminHandler {
    RemotingCommand handle(Channel channel, RemotingCommand request) throws Exception;
}
