package io.petrel.test.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.broker.PetrelBrokerProcess;
import io.petrel.test.broker.PetrelCluster;
import io.petrel.test.namesrv.PetrelNamesrvProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official 4.9.7 client with TLS ({@code setUseTLS(true)}, its test mode: any server certificate) against Petrel
 * servers in enforcing mode (child JVMs started with {@code -Dtls.server.mode=enforcing}, so the broker also
 * registers over TLS) and in the default permissive mode; Petrel's own client with TLS too.
 */
@Timeout(240)
class TlsAgainstPetrelTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new java.util.ArrayList<>();

    @AfterEach
    void tearDown() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    private DefaultMQProducer officialProducer(String namesrv, boolean tls) throws MQClientException {
        DefaultMQProducer p = new DefaultMQProducer("PG_TLS_" + (tls ? "ON" : "OFF"));
        p.setNamesrvAddr(namesrv);
        p.setInstanceName("tls-" + tls + "-" + System.nanoTime());
        p.setUseTLS(tls);
        p.setSendMsgTimeout(3000);
        p.setRetryTimesWhenSendFailed(0);
        p.start();
        open.add(p::shutdown);
        return p;
    }

    private Set<String> consumeOfficially(String namesrv, String topic, int expected) throws MQClientException {
        Set<String> got = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer("CG_TLS");
        c.setNamesrvAddr(namesrv);
        c.setInstanceName("tls-c-" + System.nanoTime());
        c.setUseTLS(true);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> got.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        open.add(c::shutdown);
        Awaitility.await().atMost(WAIT).until(() -> got.size() >= expected);
        return got;
    }

    private static void sendAll(DefaultMQProducer p, String topic, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            SendResult r = p.send(new Message(topic, ("m" + i).getBytes(StandardCharsets.UTF_8)));
            assertEquals(SendStatus.SEND_OK, r.getSendStatus());
        }
    }

    private static Set<String> bodies(int count) {
        Set<String> s = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            s.add("m" + i);
        }
        return s;
    }

    @Test
    void enforcingServersServeTlsClientsAndRefusePlainOnes() throws Exception {
        List<String> enforcing = List.of("-Dtls.server.mode=enforcing");
        PetrelNamesrvProcess ns = PetrelNamesrvProcess.start(dir.resolve("namesrv"), enforcing);
        open.add(ns);
        PetrelBrokerProcess broker = PetrelBrokerProcess.start(dir.resolve("broker"), "tls-a", ns.address(),
            List.of("autoCreateTopicEnable=true"), enforcing);
        open.add(broker);

        // The broker registered with the NameServer over TLS, or the TLS producer would find no route.
        DefaultMQProducer tlsProducer = officialProducer(ns.address(), true);
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() ->
            tlsProducer.send(new Message("TLS_WARM", "w".getBytes(StandardCharsets.UTF_8))).getSendStatus()
                == SendStatus.SEND_OK);
        sendAll(tlsProducer, "TLS_T", 20);
        assertEquals(bodies(20), consumeOfficially(ns.address(), "TLS_T", 20));

        // A plain client's connection is closed at its first bytes; the official client reports it when its route
        // lookup times out (an IllegalStateException from 4.9.7's client, or MQClientException on later tries).
        DefaultMQProducer plain = officialProducer(ns.address(), false);
        Exception refused = assertThrows(Exception.class,
            () -> plain.send(new Message("TLS_T", "plain".getBytes(StandardCharsets.UTF_8))));
        assertTrue(refused instanceof MQClientException || refused instanceof IllegalStateException, refused.toString());

        io.petrel.client.producer.DefaultMQProducer petrel = new io.petrel.client.producer.DefaultMQProducer(
            "PG_TLS_PETREL");
        petrel.setNamesrvAddr(ns.address());
        petrel.setInstanceName("tls-petrel-" + System.nanoTime());
        petrel.setUseTLS(true);
        petrel.start();
        open.add(petrel::shutdown);
        assertEquals(io.petrel.client.producer.SendStatus.SEND_OK,
            petrel.send(new io.petrel.common.message.Message("TLS_T", "petrel".getBytes(StandardCharsets.UTF_8)))
                .getSendStatus());
    }

    @Test
    void permissiveServersServeBothKinds() throws Exception {
        // No tls.* properties in this JVM: Petrel's servers run in the default mode, permissive.
        PetrelCluster cluster = PetrelCluster.start(dir.resolve("cluster"), new Properties());
        open.add(cluster);
        DefaultMQProducer tls = officialProducer(cluster.namesrvAddr(), true);
        DefaultMQProducer plain = officialProducer(cluster.namesrvAddr(), false);
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() ->
            plain.send(new Message("PERM_T", "m0".getBytes(StandardCharsets.UTF_8))).getSendStatus()
                == SendStatus.SEND_OK);
        for (int i = 1; i < 10; i++) {
            DefaultMQProducer p = i % 2 == 0 ? plain : tls;
            assertEquals(SendStatus.SEND_OK,
                p.send(new Message("PERM_T", ("m" + i).getBytes(StandardCharsets.UTF_8))).getSendStatus());
        }
        assertEquals(bodies(10), consumeOfficially(cluster.namesrvAddr(), "PERM_T", 10));
    }
}
