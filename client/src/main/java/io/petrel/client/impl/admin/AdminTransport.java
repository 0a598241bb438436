package io.petrel.client.impl.admin;

import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.netty.NettyRemotingClient;
import io.petrel.remoting.protocol.RemotingCommand;
import java.util.List;

/** What the admin calls need from the network: one synchronous call, and the NameServers configured. */
public interface AdminTransport {

    /** @param addr {@code host:port}, or null for the NameServer in use */
    RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
        throws RemotingException, InterruptedException;

    List<String> nameServerAddressList();

    static AdminTransport of(NettyRemotingClient client) {
        return new AdminTransport() {
            @Override
            public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
                throws RemotingException, InterruptedException {
                return client.invokeSync(addr, request, timeoutMillis);
            }

            @Override
            public List<String> nameServerAddressList() {
                List<String> list = client.getNameServerAddressList();
                return list == null ? List.of() : list;
            }
        };
    }
}
