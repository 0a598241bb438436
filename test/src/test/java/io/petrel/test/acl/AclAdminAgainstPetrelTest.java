package io.petrel.test.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.test.broker.PetrelCluster;
import io.petrel.test.official.Closeables;
import io.petrel.test.surface.AdminOutputs;
import io.petrel.test.surface.AdminOutputs.PetrelRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.AclConfig;
import org.apache.rocketmq.common.DataVersion;
import org.apache.rocketmq.common.PlainAccessConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.body.ClusterAclVersionInfo;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The ACL admin requests (codes 50–54) through the official 4.9.7 admin client, signed as the admin account, against
 * a Petrel broker with plain ACL on: they change conf/plain_acl.yml in 4.9.7's format with a new data version each
 * time, the change takes effect at once, and it survives a broker restart.
 */
@Timeout(120)
class AclAdminAgainstPetrelTest {
    @TempDir
    Path dir;
    private final Closeables started = new Closeables();

    @AfterEach
    void stop() throws Exception {
        started.closeAll();
    }

    private DefaultMQAdminExt admin(PetrelCluster petrel) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(PlainAcl.hook(PlainAcl.ADMIN));
        admin.setNamesrvAddr(petrel.namesrvAddr());
        admin.setInstanceName("acl-admin-" + System.nanoTime());
        admin.start();
        started.add(admin::shutdown);
        return admin;
    }

    private Map<String, Object> rulesFile() throws Exception {
        return new Yaml().load(Files.readString(PlainAcl.rulesFile(dir), StandardCharsets.UTF_8));
    }

    private String sendAs(PetrelCluster petrel, String accessKey, String secretKey, String topic) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("aclAdminPg", PlainAcl.hook(accessKey, secretKey));
        producer.setNamesrvAddr(petrel.namesrvAddr());
        producer.setInstanceName("acl-admin-p-" + System.nanoTime());
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        try {
            return AclOutcome.of(() -> producer.send(new Message(topic, "x".getBytes(StandardCharsets.UTF_8)),
                new MessageQueue(topic, "petrel-a", 0)));
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void adminRequestsRewriteTheFileAndTheChangesSurviveARestart() throws Exception {
        PetrelCluster petrel = started.add(PlainAcl.startPetrel(dir, PlainAcl.RULES));
        String broker = petrel.broker().address();
        DefaultMQAdminExt admin = admin(petrel);
        String file = PlainAcl.rulesFile(dir).toAbsolutePath().normalize().toString();

        ClusterAclVersionInfo before = admin.examineBrokerClusterAclVersionInfo(broker);
        assertEquals(0, before.getAllAclConfigDataVersion().get(file).getCounter().get());
        assertEquals("petrel-a", before.getBrokerName());

        PlainAccessConfig account = new PlainAccessConfig();
        account.setAccessKey("newAccount");
        account.setSecretKey("newSecret1");
        account.setDefaultTopicPerm("PUB");
        account.setDefaultGroupPerm("SUB");
        account.setTopicPerms(List.of("secretTopic=DENY"));
        admin.createAndUpdatePlainAccessConfig(broker, account);
        admin.updateGlobalWhiteAddrConfig(broker, "10.10.103.*,10.10.104.*");
        admin.deletePlainAccessConfig(broker, PlainAcl.PUB_ONLY);

        Map<String, Object> yml = rulesFile();
        assertEquals(List.of("10.10.103.*", "10.10.104.*"), yml.get("globalWhiteRemoteAddresses"));
        List<?> accounts = (List<?>) yml.get("accounts");
        assertEquals(List.of("RocketMQ", "rocketmq2", "subAccount", "newAccount"), accounts.stream()
            .map(a -> ((Map<?, ?>) a).get("accessKey")).toList());
        assertEquals(Map.of("accessKey", "newAccount", "secretKey", "newSecret1", "admin", false,
            "defaultTopicPerm", "PUB", "defaultGroupPerm", "SUB", "topicPerms", List.of("secretTopic=DENY")),
            accounts.get(3));
        Map<?, ?> version = (Map<?, ?>) ((List<?>) yml.get("dataVersion")).get(0);
        assertEquals(3, ((Number) version.get("counter")).intValue());

        DataVersion after = admin.examineBrokerClusterAclVersionInfo(broker).getAllAclConfigDataVersion().get(file);
        assertEquals(3, after.getCounter().get());
        assertEquals(((Number) version.get("timestamp")).longValue(), after.getTimestamp());
        assertEquals(null, sendAs(petrel, "newAccount", "newSecret1", "anyTopic"));
        assertEquals("No acl config for pubAccount", sendAs(petrel, PlainAcl.PUB_ONLY, PlainAcl.SECRET, "anyTopic"));

        petrel.restartBroker();
        broker = petrel.broker().address();
        AclConfig config = admin.examineBrokerClusterAclConfig(broker);
        assertEquals(List.of("10.10.103.*", "10.10.104.*"), config.getGlobalWhiteAddrs());
        assertEquals(List.of("RocketMQ", "rocketmq2", "subAccount", "newAccount"), config.getPlainAccessConfigs()
            .stream().map(PlainAccessConfig::getAccessKey).toList());
        PlainAccessConfig reloaded = config.getPlainAccessConfigs().get(3);
        assertEquals("newSecret1", reloaded.getSecretKey());
        assertEquals(List.of("secretTopic=DENY"), reloaded.getTopicPerms());
        assertEquals(3, admin.examineBrokerClusterAclVersionInfo(broker).getAllAclConfigDataVersion().get(file)
            .getCounter().get());
        assertEquals(null, sendAs(petrel, "newAccount", "newSecret1", "anyTopic"));
        assertEquals("No default permission for topic:secretTopic", sendAs(petrel, "newAccount", "newSecret1",
            "secretTopic"));
        assertEquals("No acl config for pubAccount", sendAs(petrel, PlainAcl.PUB_ONLY, PlainAcl.SECRET, "anyTopic"));
    }

    /** Petrel's mqadmin signs with conf/tools.yml's keys, and a broker with ACL on refuses it without them. */
    @Test
    void petrelsMqadminSignsWithTheToolsFile() throws Exception {
        PetrelCluster petrel = started.add(PlainAcl.startPetrel(dir, PlainAcl.RULES));
        String broker = petrel.broker().address();
        Path tools = Files.createDirectories(dir.resolve("tools-home/conf")).resolve("tools.yml");
        Files.writeString(tools, "accessKey: rocketmq2\nsecretKey: 12345678\n");
        io.petrel.remoting.RPCHook hook = io.petrel.tools.command.ToolsCredentials.fromHome(
            dir.resolve("tools-home").toString());

        PetrelRun signed = AdminOutputs.runPetrelSigned(petrel.namesrvAddr(), hook, "getAclConfig", "-b", broker);
        assertEquals(0, signed.code(), signed.err());
        assertTrue(signed.out().contains("RocketMQ") && signed.out().contains("10.10.103.*"), signed.out());
        PetrelRun created = AdminOutputs.runPetrelSigned(petrel.namesrvAddr(), hook, "updateTopic", "-b", broker,
            "-t", "byMqadmin");
        assertEquals(0, created.code(), created.err());

        PetrelRun unsigned = AdminOutputs.runPetrel(petrel.namesrvAddr(), "getAclConfig", "-b", broker);
        assertEquals(1, unsigned.code(), unsigned.out());
        assertEquals("No accessKey is configured", AclOutcome.reason(unsigned.err()), unsigned.err());
    }

    @Test
    void refusalsCarryTheCodeAndRemark497Gives() throws Exception {
        PetrelCluster petrel = started.add(PlainAcl.startPetrel(dir, PlainAcl.RULES));
        String broker = petrel.broker().address();
        DefaultMQAdminExt admin = admin(petrel);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
            () -> admin.deletePlainAccessConfig(broker, "noSuchKey"));
        assertTrue(e.getMessage().contains("CODE: 210")
            && e.getMessage().contains("The accesskey[noSuchKey] corresponding to accessConfig has been deleted "
            + "failed."), e.getMessage());
        PlainAccessConfig shortKey = new PlainAccessConfig();
        shortKey.setAccessKey("abc");
        shortKey.setSecretKey("12345678");
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
            () -> admin.createAndUpdatePlainAccessConfig(broker, shortKey));
        assertTrue(refused.getMessage().contains("CODE: 209") && refused.getMessage().contains(
            "The accessKey=abc and secretKey=12345678 cannot be null and length should longer than 6"),
            refused.getMessage());
    }
}
