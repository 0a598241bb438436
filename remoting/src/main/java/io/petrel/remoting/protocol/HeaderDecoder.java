package io.petrel.remoting.protocol;

import io.petrel.remoting.exception.RemotingCommandException;

/** Builds a typed header from a command's ext fields; usually a header's static {@code decode} method. */
@FunctionalInterface
public interface HeaderDecoder<T> {
    T decode(ExtFields fields) throws RemotingCommandException;
}
