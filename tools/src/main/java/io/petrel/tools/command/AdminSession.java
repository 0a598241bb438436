package io.petrel.tools.command;

import io.petrel.client.admin.DefaultMQAdminExt;
import io.petrel.client.admin.MQAdminExt;
import io.petrel.client.consumer.DefaultMQPullConsumer;
import io.petrel.client.exception.MQClientException;
import io.petrel.client.producer.DefaultMQProducer;
import io.petrel.remoting.RPCHook;
import java.io.PrintStream;

/**
 * What one command run works with: where it prints and an admin client for the NameServer it was given, started on
 * first use and shut down by {@link #close()}. Not thread-safe: one run, one thread.
 */
public final class AdminSession implements AutoCloseable {
    private final String namesrvAddr;
    private final PrintStream out;
    /** Signs every request of this run's clients (plain ACL); null for unsigned requests. */
    private final RPCHook rpcHook;
    private DefaultMQAdminExt admin;

    public AdminSession(String namesrvAddr, PrintStream out) {
        this(namesrvAddr, out, null);
    }

    public AdminSession(String namesrvAddr, PrintStream out, RPCHook rpcHook) {
        this.namesrvAddr = namesrvAddr;
        this.out = out;
        this.rpcHook = rpcHook;
    }

    public PrintStream out() {
        return out;
    }

    /** The NameServer address list ({@code host:port;host:port}) as given. */
    public String namesrvAddr() throws CommandException {
        if (namesrvAddr == null || namesrvAddr.isBlank()) {
            throw new CommandException("no NameServer address: give -n host:port, or set NAMESRV_ADDR or "
                + "-D" + MQAdmin.NAMESRV_ADDR_PROPERTY);
        }
        return namesrvAddr;
    }

    public MQAdminExt admin() throws CommandException, MQClientException {
        if (admin == null) {
            DefaultMQAdminExt a = new DefaultMQAdminExt(rpcHook);
            a.setNamesrvAddr(namesrvAddr());
            // A client id of its own, so that a run beside another client in the same JVM gets its own instance.
            a.setInstanceName("mqadmin-" + System.nanoTime());
            a.start();
            admin = a;
        }
        return admin;
    }

    /** A producer of {@code group} for this NameServer, started, with an instance of its own; the caller shuts it down. */
    public DefaultMQProducer startProducer(String group) throws CommandException, MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer(group, rpcHook);
        producer.setNamesrvAddr(namesrvAddr());
        producer.setInstanceName("mqadmin-" + System.nanoTime());
        producer.start();
        return producer;
    }

    /** A pull consumer of {@code group} for this NameServer, started; the caller shuts it down. */
    public DefaultMQPullConsumer startPullConsumer(String group, String instanceName)
        throws CommandException, MQClientException {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(group, rpcHook);
        consumer.setNamesrvAddr(namesrvAddr());
        consumer.setInstanceName(instanceName);
        consumer.start();
        return consumer;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.shutdown();
            admin = null;
        }
    }
}
