package io.petrel.broker.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.common.body.AclConfig;
import io.petrel.common.body.PlainAccessConfig;
import io.petrel.common.route.DataVersion;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The plain ACL files: loading, reloading on change, keeping the last good rules, and the admin edits. */
class PlainAclStoreTest {
    static final String GOOD = """
        globalWhiteRemoteAddresses:
          - 10.10.103.*
          - 192.168.0.*
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
            whiteRemoteAddress: 192.168.1.*
            admin: true
        """;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    @TempDir
    Path home;

    private PlainAclStore started(String content) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/plain_acl.yml"), content);
        PlainAclStore store = new PlainAclStore(home, "conf/plain_acl.yml", CLOCK);
        store.start();
        return store;
    }

    private static String refusal(PlainAclStore store, String host) {
        try {
            store.check(RemotingCommand.createRequest(RequestCode.GET_BROKER_RUNTIME_INFO), host + ":1234");
            return null;
        } catch (AccessDeniedException e) {
            return e.getMessage();
        }
    }

    @Test
    void aGoodFileGivesItsAccountsWhiteAddressesAndVersion() throws Exception {
        PlainAclStore store = started(GOOD);
        AclConfig all = store.allAclConfig();
        assertEquals(List.of("10.10.103.*", "192.168.0.*"), all.globalWhiteAddrs());
        assertEquals(List.of("RocketMQ", "rocketmq2"), all.plainAccessConfigs().stream()
            .map(PlainAccessConfig::accessKey).toList());
        PlainAccessConfig first = all.plainAccessConfigs().get(0);
        assertEquals("12345678", first.secretKey());
        assertEquals(List.of("topicA=DENY", "topicB=PUB|SUB", "topicC=SUB"), first.topicPerms());
        assertEquals(null, refusal(store, "10.10.103.7"));
        assertEquals("No accessKey is configured", refusal(store, "127.0.0.1"));
        String file = home.resolve("conf/plain_acl.yml").toString();
        assertEquals(Map.of(file, new DataVersion(CLOCK.millis(), 0)), store.allAclConfigVersions());
    }

    @Test
    void theSampleFileOfTheDistributionLoads() throws Exception {
        PlainAclStore store = started(Files.readString(Path.of("../conf/plain_acl.yml")));
        AclConfig all = store.allAclConfig();
        assertEquals(List.of(), all.globalWhiteAddrs());
        assertEquals(List.of("orderApp1", "rocketmq2"), all.plainAccessConfigs().stream()
            .map(PlainAccessConfig::accessKey).toList());
        assertEquals(List.of("orders=PUB", "payments=SUB"), all.plainAccessConfigs().get(0).topicPerms());
        assertTrue(all.plainAccessConfigs().get(1).admin());
        assertEquals("No accessKey is configured", refusal(store, "127.0.0.1"));
    }

    @Test
    void aChangedFileIsReloadedAndAMalformedOneKeepsTheLastGoodRules() throws Exception {
        PlainAclStore store = started(GOOD);
        assertEquals(0, store.pollStep());
        Path file = home.resolve("conf/plain_acl.yml");
        Files.writeString(file, GOOD.replace("10.10.103.*", "127.0.0.1"));
        assertEquals(1, store.pollStep());
        assertEquals(null, refusal(store, "127.0.0.1"));
        assertEquals("No accessKey is configured", refusal(store, "10.10.103.7"));

        Files.writeString(file, "accounts: [ {accessKey: x\n  - broken");
        assertEquals(1, store.pollStep());
        assertEquals(null, refusal(store, "127.0.0.1"), "the last good rules stay");
        assertEquals(0, store.pollStep(), "a bad file is tried once per change");
        Files.writeString(file, GOOD.replace("secretKey: 12345678\n    whiteRemoteAddress:\n", "secretKey: 123\n"
            + "    whiteRemoteAddress:\n"));
        assertEquals(1, store.pollStep());
        assertEquals(null, refusal(store, "127.0.0.1"), "a too short secret key is refused as a whole");

        Files.writeString(file, GOOD);
        assertEquals(1, store.pollStep());
        assertEquals(null, refusal(store, "10.10.103.7"));
    }

    @Test
    void aMalformedFileStopsStartUpWithItsNameAndTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> started("globalWhiteRemoteAddresses:\n  - 10.*\n"));
        assertTrue(e.getMessage().contains("plain_acl.yml") && e.getMessage().contains("10.*"), e.getMessage());
    }

    @Test
    void filesUnderConfAclAddAccountsAndTheFirstFileOfAKeyWins() throws Exception {
        Files.createDirectories(home.resolve("conf/acl/team"));
        Files.writeString(home.resolve("conf/acl/team/a.yaml"), """
            accounts:
              - accessKey: teamAccount
                secretKey: teamSecret
                admin: true
              - accessKey: rocketmq2
                secretKey: otherSecret
            """);
        PlainAclStore store = started(GOOD);
        assertEquals(List.of("teamAccount", "rocketmq2", "RocketMQ"), store.allAclConfig().plainAccessConfigs()
            .stream().map(PlainAccessConfig::accessKey).toList());
        assertEquals("otherSecret", store.allAclConfig().plainAccessConfigs().get(1).secretKey());
        assertEquals(2, store.allAclConfigVersions().size());
    }

    @Test
    void adminEditsRewriteTheFileInItsFormatWithTheNextVersion() throws Exception {
        PlainAclStore store = started(GOOD);
        Path file = home.resolve("conf/plain_acl.yml");
        store.updateAccessConfig(new PlainAccessConfig("newAccount", "newSecret1", "10.0.0.*", false, "PUB", "SUB",
            List.of("t1=PUB"), null));
        Map<String, Object> yml = new Yaml().load(Files.readString(file));
        List<?> accounts = (List<?>) yml.get("accounts");
        assertEquals(Map.of("accessKey", "newAccount", "secretKey", "newSecret1", "whiteRemoteAddress", "10.0.0.*",
            "admin", false, "defaultTopicPerm", "PUB", "defaultGroupPerm", "SUB", "topicPerms", List.of("t1=PUB")),
            accounts.get(2));
        assertEquals(List.of(Map.of("counter", 1, "timestamp", CLOCK.millis())), yml.get("dataVersion"));
        assertEquals(new DataVersion(CLOCK.millis(), 1), store.aclConfigVersion());

        // An update keeps the fields it does not set, and moves the account to the end.
        store.updateAccessConfig(new PlainAccessConfig("RocketMQ", "87654321", null, true, null, null, null, null));
        yml = new Yaml().load(Files.readString(file));
        accounts = (List<?>) yml.get("accounts");
        Map<?, ?> updated = (Map<?, ?>) accounts.get(2);
        assertEquals("87654321", updated.get("secretKey"));
        assertEquals(true, updated.get("admin"));
        assertEquals("DENY", updated.get("defaultTopicPerm"));
        assertEquals(List.of(Map.of("counter", 2, "timestamp", CLOCK.millis())), yml.get("dataVersion"));

        store.deleteAccessConfig("newAccount");
        assertEquals(List.of("rocketmq2", "RocketMQ"), store.allAclConfig().plainAccessConfigs().stream()
            .map(PlainAccessConfig::accessKey).toList());
        AclException missing = assertThrows(AclException.class, () -> store.deleteAccessConfig("newAccount"));
        assertEquals("The accesskey[newAccount] corresponding to accessConfig has been deleted failed.",
            missing.getMessage());

        store.updateGlobalWhiteAddrs(List.of("127.0.0.1", "10.10.104.*"), null);
        assertEquals(List.of("127.0.0.1", "10.10.104.*"), store.allAclConfig().globalWhiteAddrs());
        assertEquals(null, refusal(store, "127.0.0.1"));
        assertEquals(0, store.pollStep(), "the store's own writes are already loaded");
    }

    @Test
    void adminEditsRefuseWhat497Refuses() throws Exception {
        PlainAclStore store = started(GOOD);
        assertEquals("The accessKey=short and secretKey=12345678 cannot be null and length should longer than 6",
            assertThrows(AclException.class, () -> store.updateAccessConfig(new PlainAccessConfig("short",
                "12345678", null, false, null, null, null, null))).getMessage());
        assertTrue(assertThrows(AclException.class, () -> store.updateAccessConfig(new PlainAccessConfig(
            "account1", "12345678", null, false, null, null, List.of("t1=READ"), null))).getMessage()
            .startsWith("Parse resource permission error for t1=READ."));
        assertEquals("The globalWhiteAddresses[1.2.3.4] has been updated failed.", assertThrows(AclException.class,
            () -> store.updateGlobalWhiteAddrs(List.of("1.2.3.4"), "/elsewhere/plain_acl.yml")).getMessage());
    }
}
