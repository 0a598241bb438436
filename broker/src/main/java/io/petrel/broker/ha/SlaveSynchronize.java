package io.petrel.broker.ha;

import io.petrel.broker.offset.ConsumerOffsetManager;
import io.petrel.broker.schedule.DelayOffsetTable;
import io.petrel.broker.subscription.SubscriptionGroupManager;
import io.petrel.broker.topic.TopicConfigManager;
import io.petrel.common.body.ConsumerOffsetSerializeWrapper;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.subscription.SubscriptionGroupWrapper;
import io.petrel.common.util.NetAddresses;
import io.petrel.remoting.exception.RemotingException;
import io.petrel.remoting.netty.NettyRemotingClient;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's copy of its master's configuration: topics, consumer offsets, delay offsets and subscription groups,
 * each fetched with its GET_ALL request and applied as 4.9.7 slaves do (topics and groups replaced only when the
 * master's data version differs, consumer offsets merged per {@code topic@group}, delay offsets taken verbatim).
 * Topics are asked of the master's VIP port, the rest of its main port.
 *
 * <p>One step per call: whoever owns the slave runs {@link #syncAll()} on its own timer. The master address is
 * read at each step, as the NameServers may report a new one at any registration. Not meant to run concurrently
 * with itself.
 */
public final class SlaveSynchronize {
    private static final Logger LOG = LoggerFactory.getLogger(SlaveSynchronize.class);

    private final TopicConfigManager topics;
    private final ConsumerOffsetManager consumerOffsets;
    private final DelayOffsetTable delayOffsets;
    private final SubscriptionGroupManager groups;
    private final NettyRemotingClient client;
    private final Supplier<String> masterAddr;
    private final String selfAddr;
    private final long timeoutMillis;

    /**
     * @param masterAddr    the master's {@code host:listenPort} from the last registration reply; null or empty
     *                      while unknown
     * @param selfAddr      this broker's own {@code host:listenPort}; a master address equal to it is skipped
     * @param timeoutMillis per request
     */
    public SlaveSynchronize(TopicConfigManager topics, ConsumerOffsetManager consumerOffsets,
                            DelayOffsetTable delayOffsets, SubscriptionGroupManager groups,
                            NettyRemotingClient client, Supplier<String> masterAddr, String selfAddr,
                            long timeoutMillis) {
        this.topics = topics;
        this.consumerOffsets = consumerOffsets;
        this.delayOffsets = delayOffsets;
        this.groups = groups;
        this.client = client;
        this.masterAddr = masterAddr;
        this.selfAddr = selfAddr;
        this.timeoutMillis = timeoutMillis;
    }

    /** An item of the master's configuration, and how one sync of it went. */
    public enum Outcome { APPLIED, UNCHANGED, SKIPPED, FAILED }

    /** What one {@link #syncAll()} did with each item. */
    public record Report(Outcome topics, Outcome consumerOffsets, Outcome delayOffsets, Outcome groups) {
    }

    /** Syncs the four items in 4.9.7's order; a failing item is logged and does not stop the others. */
    public Report syncAll() {
        return new Report(guarded("topic config", this::syncTopicConfig),
            guarded("consumer offsets", this::syncConsumerOffsets),
            guarded("delay offsets", this::syncDelayOffsets),
            guarded("subscription groups", this::syncSubscriptionGroups));
    }

    /** GET_ALL_TOPIC_CONFIG from the master's VIP port; replaces the table when the data version differs. */
    public Outcome syncTopicConfig() throws InterruptedException, RemotingException {
        return fetchAndApply("topic config", RequestCode.GET_ALL_TOPIC_CONFIG, true,
            body -> topics.replaceIfVersionDiffers(TopicConfigSerializeWrapper.decode(body)));
    }

    /** GET_ALL_CONSUMER_OFFSET; merged per {@code topic@group} (the master's entries win), then persisted. */
    public Outcome syncConsumerOffsets() throws InterruptedException, RemotingException {
        return fetchAndApply("consumer offsets", RequestCode.GET_ALL_CONSUMER_OFFSET, false, body -> {
            consumerOffsets.mergeFrom(ConsumerOffsetSerializeWrapper.decode(body).offsetTable());
            consumerOffsets.persist();
            return true;
        });
    }

    /** GET_ALL_DELAY_OFFSET; the JSON is stored as received and loaded. */
    public Outcome syncDelayOffsets() throws InterruptedException, RemotingException {
        return fetchAndApply("delay offsets", RequestCode.GET_ALL_DELAY_OFFSET, false, body -> {
            delayOffsets.replaceWithJson(body);
            return true;
        });
    }

    /** GET_ALL_SUBSCRIPTIONGROUP_CONFIG; replaces the table when the data version differs. */
    public Outcome syncSubscriptionGroups() throws InterruptedException, RemotingException {
        return fetchAndApply("subscription groups", RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, false,
            body -> groups.replaceIfVersionDiffers(SubscriptionGroupWrapper.decode(body)));
    }

    /** Applies a master's answer; returns whether anything changed. */
    private interface Apply {
        boolean apply(byte[] body);
    }

    /** Asks the master (its VIP port if {@code vip}) with {@code code} and applies the answer's body. */
    private Outcome fetchAndApply(String what, int code, boolean vip, Apply apply)
        throws InterruptedException, RemotingException {
        String master = masterAddr.get();
        if (master == null || master.isEmpty() || master.equals(selfAddr)) {
            return Outcome.SKIPPED;
        }
        String target = vip ? NetAddresses.vipAddress(master) : master;
        RemotingCommand response = client.invokeSync(target, RemotingCommand.createRequest(code), timeoutMillis);
        if (response.code() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("master " + target + " answered request " + code + " with code "
                + response.code() + ": " + response.remark());
        }
        if (!apply.apply(response.body() == null ? new byte[0] : response.body())) {
            return Outcome.UNCHANGED;
        }
        LOG.info("{} taken from master {}", what, master);
        return Outcome.APPLIED;
    }

    private interface Item {
        Outcome sync() throws InterruptedException, RemotingException;
    }

    private static Outcome guarded(String what, Item item) {
        if (Thread.currentThread().isInterrupted()) {
            return Outcome.SKIPPED;
        }
        try {
            return item.sync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.FAILED;
        } catch (RemotingException | RuntimeException e) {
            LOG.warn("syncing {} from the master failed: {}", what, e.toString());
            return Outcome.FAILED;
        }
    }
}
