package io.petrel.test.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import io.petrel.test.broker.PetrelCluster;
import io.petrel.test.official.OfficialBroker;
import io.petrel.test.official.OfficialNamesrv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.awaitility.Awaitility;

/**
 * An official RocketMQ 4.9.7 NameServer and broker (child JVMs) next to a Petrel NameServer and broker (this JVM),
 * an official remoting client to send one request to both brokers, official producers for each side, and a
 * comparison of the two answers: code, whether a remark is given, header field names and the structure of a JSON
 * body.
 */
public final class SideBySide implements AutoCloseable {
    private static final long TIMEOUT_MILLIS = 10_000;
    public static final String OFFICIAL_BROKER = "broker-a";
    public static final String PETREL_BROKER = "petrel-a";

    private final List<AutoCloseable> closers = new ArrayList<>();
    private OfficialNamesrv officialNamesrv;
    private OfficialBroker officialBroker;
    private PetrelCluster petrel;
    private NettyRemotingClient client;
    private DefaultMQProducer officialSideProducer;
    private DefaultMQProducer petrelSideProducer;

    private SideBySide() {
    }

    /** Starts both sides; {@code officialConf} lines go to the official broker.conf, {@code petrelProps} to Petrel's. */
    public static SideBySide start(Path dir, List<String> officialConf, Properties petrelProps) throws Exception {
        SideBySide s = new SideBySide();
        try {
            s.officialNamesrv = OfficialNamesrv.start(dir.resolve("official-namesrv"), List.of());
            s.closers.add(s.officialNamesrv);
            s.officialBroker = OfficialBroker.start(dir.resolve("official-broker"), OFFICIAL_BROKER,
                s.officialNamesrv.address(), officialConf);
            s.closers.add(s.officialBroker);
            s.petrel = PetrelCluster.start(dir.resolve("petrel"), petrelProps);
            s.closers.add(s.petrel);
            s.client = new NettyRemotingClient(new NettyClientConfig());
            s.client.start();
            s.closers.add(s.client::shutdown);
            s.officialSideProducer = producer("official-side", s.officialNamesrv.address());
            s.closers.add(s.officialSideProducer::shutdown);
            s.petrelSideProducer = producer("petrel-side", s.petrel.namesrvAddr());
            s.closers.add(s.petrelSideProducer::shutdown);
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * Both sides in one cluster name, each with {@code messages} messages sent to {@code topic} and consumed by
     * {@code group}, whose consumers stay online: the common script of the request-surface tests.
     */
    public static SideBySide startConsumed(Path dir, String topic, String group, int messages) throws Exception {
        SideBySide s = start(dir, List.of(), officialClusterName());
        try {
            s.sendToBoth(topic, "TagA", "m", messages);
            s.awaitRoutes(topic);
            s.consumeOnBoth(topic, group, messages);
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** Petrel broker settings that put it in the official broker's cluster, so both answer to one cluster name. */
    public static Properties officialClusterName() {
        Properties p = new Properties();
        p.setProperty("brokerClusterName", OfficialBroker.CLUSTER);
        return p;
    }

    private static DefaultMQProducer producer(String name, String namesrv) throws Exception {
        DefaultMQProducer p = new DefaultMQProducer("PG_SIDE_BY_SIDE");
        p.setNamesrvAddr(namesrv);
        p.setInstanceName(name + "-" + System.nanoTime());
        p.setSendMsgTimeout(10_000);
        p.start();
        return p;
    }

    public String officialBrokerAddr() {
        return officialBroker.address();
    }

    public String petrelBrokerAddr() {
        return petrel.broker().address();
    }

    public String officialNamesrvAddr() {
        return officialNamesrv.address();
    }

    public String petrelNamesrvAddr() {
        return petrel.namesrvAddr();
    }

    public PetrelCluster petrel() {
        return petrel;
    }

    public OfficialBroker official() {
        return officialBroker;
    }

    /** Sends {@code count} messages with bodies {@code prefix-i} to {@code topic} on both sides (auto-created). */
    public void sendToBoth(String topic, String tags, String prefix, int count) throws Exception {
        for (DefaultMQProducer p : List.of(officialSideProducer, petrelSideProducer)) {
            for (int i = 0; i < count; i++) {
                Message m = new Message(topic, tags, (prefix + "-" + i).getBytes(StandardCharsets.UTF_8));
                m.setKeys(prefix + "-key-" + i);
                p.send(m);
            }
        }
    }

    /**
     * Starts a push consumer of {@code group} on {@code topic} on each side, from the first offset, waits until each
     * consumed {@code count} messages and commits their offsets; the consumers stay online until {@link #close}.
     */
    public Map<Side, String> consumeOnBoth(String topic, String group, int count) throws Exception {
        Map<Side, String> clientIds = new java.util.EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
            c.setNamesrvAddr(namesrvAddr(side));
            c.setInstanceName(group + "-" + System.nanoTime());
            c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            c.subscribe(topic, "*");
            AtomicInteger consumed = new AtomicInteger();
            c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                consumed.addAndGet(msgs.size());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            c.start();
            closers.add(c::shutdown);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> consumed.get() >= count);
            c.getDefaultMQPushConsumerImpl().persistConsumerOffset();
            clientIds.put(side, c.getDefaultMQPushConsumerImpl().getmQClientFactory().getClientId());
        }
        return clientIds;
    }

    /** The producers' own groups are registered on each broker while they run; these are the producers. */
    public DefaultMQProducer officialSideProducer() {
        return officialSideProducer;
    }

    public DefaultMQProducer petrelSideProducer() {
        return petrelSideProducer;
    }

    /** Which broker a request goes to. */
    public enum Side {
        OFFICIAL, PETREL
    }

    /** Sends a fresh request from {@code request} to each broker. */
    public Answers ask(Supplier<RemotingCommand> request) throws Exception {
        return ask(side -> request.get());
    }

    /** Sends a fresh request built for each side to that side's broker. */
    public Answers ask(java.util.function.Function<Side, RemotingCommand> request) throws Exception {
        RemotingCommand official = client.invokeSync(officialBrokerAddr(), request.apply(Side.OFFICIAL),
            TIMEOUT_MILLIS);
        RemotingCommand petrelAnswer = client.invokeSync(petrelBrokerAddr(), request.apply(Side.PETREL),
            TIMEOUT_MILLIS);
        return new Answers(official, petrelAnswer);
    }

    /** The broker address of {@code side}. */
    public String brokerAddr(Side side) {
        return side == Side.OFFICIAL ? officialBrokerAddr() : petrelBrokerAddr();
    }

    /** The NameServer address of {@code side}. */
    public String namesrvAddr(Side side) {
        return side == Side.OFFICIAL ? officialNamesrvAddr() : petrelNamesrvAddr();
    }

    /** Sends a request to one address (a broker or a NameServer). */
    public RemotingCommand invoke(String addr, RemotingCommand request) throws Exception {
        return client.invokeSync(addr, request, TIMEOUT_MILLIS);
    }

    /** Waits until both NameServers have a route for {@code topic}. */
    public void awaitRoutes(String topic) {
        petrel.awaitRoute(topic);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            try {
                officialSideProducer.getDefaultMQProducerImpl().getmQClientFactory().getMQClientAPIImpl()
                    .getTopicRouteInfoFromNameServer(topic, 3000);
                return true;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Override
    public void close() {
        for (int i = closers.size() - 1; i >= 0; i--) {
            try {
                closers.get(i).close();
            } catch (Exception ignored) {
                // best effort: the rest must still stop
            }
        }
        closers.clear();
    }

    /** The official broker's and Petrel's answers to one request. */
    public record Answers(RemotingCommand official, RemotingCommand petrel) {
        /**
         * Asserts equal codes, a remark on both or on neither, equal header field names, and a body on both or
         * neither with the same JSON structure. {@code dataKeyed} lists JSON paths ({@code $}, {@code $.offsetTable},
         * {@code $.a[].b}) of objects whose keys are data rather than field names: their values are compared as
         * one merged shape.
         */
        public Answers assertSameShape(String what, String... dataKeyed) {
            return assertSameShape(what, false, dataKeyed);
        }

        /** As {@link #assertSameShape(String, String...)}, optionally without comparing remark presence. */
        public Answers assertSameShape(String what, boolean remarkIgnored, String... dataKeyed) {
            assertEquals(official.getCode(), petrel.getCode(), what + ": response code (official remark: "
                + official.getRemark() + ", Petrel remark: " + petrel.getRemark() + ")");
            if (!remarkIgnored) {
                assertEquals(official.getRemark() != null, petrel.getRemark() != null, what
                    + ": remark presence (official: " + official.getRemark() + ", Petrel: " + petrel.getRemark() + ")");
            }
            assertEquals(fieldNames(official), fieldNames(petrel), what + ": header fields (code " + official.getCode()
                + ", official remark: " + official.getRemark() + ", Petrel remark: " + petrel.getRemark() + ")");
            assertEquals(official.getBody() != null, petrel.getBody() != null, what + ": body presence");
            if (official.getBody() != null) {
                Object o = json(official.getBody());
                Object p = json(petrel.getBody());
                if (o != null || p != null) {
                    if (o == null || p == null) {
                        fail(what + ": body is JSON on one side only: official " + text(official) + " / Petrel "
                            + text(petrel));
                    }
                    Set<String> keyed = Set.of(dataKeyed);
                    assertEquals(shape(o, "$", keyed), shape(p, "$", keyed), what + ": body structure\nofficial: "
                        + text(official) + "\nPetrel:   " + text(petrel));
                }
            }
            return this;
        }

        /** The official answer's body as text (for messages). */
        public String officialBody() {
            return text(official);
        }

        public String petrelBody() {
            return text(petrel);
        }

        public JSONObject officialJson() {
            return (JSONObject) json(official.getBody());
        }

        public JSONObject petrelJson() {
            return (JSONObject) json(petrel.getBody());
        }
    }

    private static Set<String> fieldNames(RemotingCommand c) {
        return c.getExtFields() == null ? Set.of() : new TreeSet<>(c.getExtFields().keySet());
    }

    private static String text(RemotingCommand c) {
        return c.getBody() == null ? "null" : new String(c.getBody(), StandardCharsets.UTF_8);
    }

    private static Object json(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String s = new String(body, StandardCharsets.UTF_8).trim();
        if (!s.startsWith("{") && !s.startsWith("[")) {
            return null;
        }
        try {
            return JSON.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A canonical description of a JSON value's structure: field names, nesting and value kinds, no values. */
    static String shape(Object v, String path, Set<String> dataKeyed) {
        if (v instanceof JSONObject o) {
            if (dataKeyed.contains(path)) {
                Set<String> values = new TreeSet<>();
                for (Object e : o.values()) {
                    values.add(shape(e, path + "{}", dataKeyed));
                }
                return "{*:" + String.join("|", values) + "}";
            }
            Map<String, String> fields = new TreeMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o.getInnerMap()).entrySet()) {
                String key = String.valueOf(e.getKey());
                fields.put(key, shape(e.getValue(), path + "." + key, dataKeyed));
            }
            return fields.toString();
        }
        if (v instanceof JSONArray a) {
            Set<String> items = new TreeSet<>();
            for (Object e : a) {
                items.add(shape(e, path + "[]", dataKeyed));
            }
            return "[" + String.join("|", items) + "]";
        }
        if (v == null) {
            return "null";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        return "string";
    }
}
