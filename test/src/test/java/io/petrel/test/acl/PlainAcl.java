package io.petrel.test.acl;

import io.petrel.test.broker.PetrelCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.remoting.RPCHook;

/**
 * What the ACL end-to-end tests share: one plain_acl.yml with an account of each permission kind, official signing
 * hooks for its accounts, and a Petrel cluster started with ACL on and that file as its rules.
 */
final class PlainAcl {
    /** DENY topicA/groupA, PUB|SUB topicB/groupB, SUB topicC/groupC; DENY other topics, SUB other groups. */
    static final String USER = "RocketMQ";
    /** Admin, naming no topics or groups. */
    static final String ADMIN = "rocketmq2";
    /** PUB on every topic, DENY on every group, by its defaults. */
    static final String PUB_ONLY = "pubAccount";
    /** SUB on every topic and group, by its defaults. */
    static final String SUB_ONLY = "subAccount";
    static final String SECRET = "12345678";

    /** The rules; the global white address does not cover the loopback the tests connect from. */
    static final String RULES = """
        globalWhiteRemoteAddresses:
          - 10.10.103.*
        accounts:
          - accessKey: RocketMQ
            secretKey: 12345678
            whiteRemoteAddress:
            admin: false
            defaultTopicPerm: DENY
            defaultGroupPerm: SUB
            topicPerms:
              - topicA=DENY
              - topicB=PUB|SUB
              - topicC=SUB
            groupPerms:
              - groupA=DENY
              - groupB=PUB|SUB
              - groupC=SUB
          - accessKey: rocketmq2
            secretKey: 12345678
            admin: true
          - accessKey: pubAccount
            secretKey: 12345678
            defaultTopicPerm: PUB
            defaultGroupPerm: DENY
          - accessKey: subAccount
            secretKey: 12345678
            defaultTopicPerm: SUB
            defaultGroupPerm: SUB
        """;

    private PlainAcl() {
    }

    /** The official hook signing as {@code accessKey}. */
    static RPCHook hook(String accessKey, String secretKey) {
        return new AclClientRPCHook(new SessionCredentials(accessKey, secretKey));
    }

    static RPCHook hook(String accessKey) {
        return hook(accessKey, SECRET);
    }

    /** The home of a Petrel broker started by {@link #startPetrel}: its rules are {@code conf/plain_acl.yml}. */
    static Path home(Path dir) {
        return dir.resolve("home");
    }

    static Path rulesFile(Path dir) {
        return home(dir).resolve("conf").resolve("plain_acl.yml");
    }

    /** A Petrel NameServer and broker with {@code aclEnable=true}, home under {@code dir}, {@code rules} its file. */
    static PetrelCluster startPetrel(Path dir, String rules) throws Exception {
        writeRules(dir, rules);
        Properties p = new Properties();
        p.setProperty("aclEnable", "true");
        p.setProperty("rocketmqHome", home(dir).toString());
        return PetrelCluster.start(dir, p);
    }

    static void writeRules(Path dir, String rules) throws IOException {
        Files.createDirectories(rulesFile(dir).getParent());
        Files.writeString(rulesFile(dir), rules);
    }
}
