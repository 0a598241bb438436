package io.petrel.broker.out;

import io.petrel.common.route.BodyChecksum;
import io.petrel.common.route.KVTable;
import io.petrel.common.route.RegisterBrokerBody;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.netty.NettyRemotingClient;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.petrel.remoting.protocol.header.namesrv.RegisterBrokerResponseHeader;
import io.petrel.remoting.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's calls to the NameServers: registration (to every NameServer in parallel) and unregistration.
 * Thread-safe.
 */
public final class BrokerOuterAPI {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerOuterAPI.class);

    /** Who this broker is, as every registration states it. */
    public record BrokerIdentity(String clusterName, String brokerAddr, String brokerName, long brokerId,
                                 String haServerAddr) {
    }

    private final NettyRemotingClient client;
    private final ExecutorService pool;

    public BrokerOuterAPI(NettyRemotingClient client, ExecutorService pool) {
        this.client = client;
        this.pool = pool;
    }

    /** Registers with every listed NameServer at once; returns the answers that arrived within the timeout. */
    public List<RegisterResult> registerAll(List<String> nameServers, BrokerIdentity who,
                                            TopicConfigSerializeWrapper topics, boolean oneway, long timeoutMillis,
                                            boolean compressed) {
        byte[] body = new RegisterBrokerBody(topics, List.of()).encode(compressed);
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader(who.brokerName(), who.brokerAddr(),
            who.clusterName(), who.haServerAddr(), who.brokerId(), compressed, BodyChecksum.crc32(body));
        List<RegisterResult> results = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(nameServers.size());
        for (String ns : nameServers) {
            try {
                pool.execute(() -> {
                    try {
                        RegisterResult r = registerOne(ns, header, body, oneway, timeoutMillis);
                        if (r != null) {
                            results.add(r);
                        }
                    } catch (RemotingException | RuntimeException e) {
                        LOG.warn("register to name server {} failed: {}", ns, e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            } catch (RejectedExecutionException e) {
                done.countDown();
                LOG.warn("register to name server {} skipped: pool busy", ns);
            }
        }
        try {
            if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("registration to some name servers did not finish within {} ms", timeoutMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ArrayList<>(results);
    }

    private RegisterResult registerOne(String ns, RegisterBrokerRequestHeader header, byte[] body, boolean oneway,
                                       long timeoutMillis) throws RemotingException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.REGISTER_BROKER, header).body(body);
        if (oneway) {
            client.invokeOneway(ns, request, timeoutMillis);
            return null;
        }
        RemotingCommand response = client.invokeSync(ns, request, timeoutMillis);
        if (response.code() != ResponseCode.SUCCESS) {
            throw new RemotingException("name server " + ns + " refused registration: code " + response.code()
                + " " + response.remark());
        }
        RegisterBrokerResponseHeader rh = response.decodeHeader(RegisterBrokerResponseHeader::decode);
        Map<String, String> orderTopics = response.body() == null || response.body().length == 0 ? Map.of()
            : KVTable.decode(response.body()).table();
        LOG.debug("registered to name server {}", ns);
        return new RegisterResult(ns, rh.haServerAddr(), rh.masterAddr(), orderTopics);
    }

    /** Tells every NameServer this broker is leaving; failures are logged, not thrown. */
    public void unregisterAll(List<String> nameServers, BrokerIdentity who, long timeoutMillis) {
        for (String ns : nameServers) {
            try {
                RemotingCommand request = RemotingCommand.createRequest(RequestCode.UNREGISTER_BROKER,
                    new UnRegisterBrokerRequestHeader(who.brokerName(), who.brokerAddr(), who.clusterName(),
                        who.brokerId()));
                RemotingCommand response = client.invokeSync(ns, request, timeoutMillis);
                LOG.info("unregistered from name server {}: code {}", ns, response.code());
            } catch (RemotingException e) {
                LOG.warn("unregister from name server {} failed: {}", ns, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
