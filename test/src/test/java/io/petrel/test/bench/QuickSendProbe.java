package io.petrel.test.bench;

import io.petrel.test.broker.PetrelBroker;
import io.petrel.test.namesrv.PetrelNamesrv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;

/** A quick in-process probe of sync-send throughput against Petrel (not the comparison benchmark). */
public final class QuickSendProbe {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("probe");
        try (PetrelNamesrv ns = PetrelNamesrv.start(dir.resolve("ns"));
             PetrelBroker broker = PetrelBroker.start(dir.resolve("store"), "probe", ns.address(), new Properties())) {
            DefaultMQProducer p = new DefaultMQProducer("PROBE");
            p.setNamesrvAddr(ns.address());
            p.start();
            p.send(new Message("PROBE_T", new byte[1024]));
            AtomicLong count = new AtomicLong();
            long end = System.currentTimeMillis() + 15_000;
            Thread[] threads = new Thread[4];
            for (int t = 0; t < 4; t++) {
                threads[t] = new Thread(() -> {
                    try {
                        while (System.currentTimeMillis() < end) {
                            p.send(new Message("PROBE_T", new byte[1024]));
                            count.incrementAndGet();
                        }
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            System.out.println("sync sends/s: " + count.get() / 15.0);
            p.shutdown();
        }
    }
}
