package io.petrel.test.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.admin.DefaultMQAdminExt;
import io.petrel.common.body.PlainAccessConfig;
import io.petrel.test.broker.PetrelBroker;
import io.petrel.test.broker.PetrelCluster;
import io.petrel.test.official.Closeables;
import io.petrel.test.official.OfficialBroker;
import io.petrel.test.official.OfficialNamesrv;
import io.petrel.test.surface.AdminOutputs;
import io.petrel.test.surface.AdminOutputs.Outputs;
import io.petrel.test.surface.AdminOutputs.PetrelRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.rocketmq.tools.command.SubCommand;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five ACL commands of Petrel's {@code mqadmin} beside the official 4.9.7 ones: against an official NameServer
 * and broker with plain ACL on, each prints what the official tool prints once volatile values are masked; against
 * a Petrel broker, which has no ACL, each fails at once with the broker's refusal on one stderr line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class PetrelMqAdminAclTest {
    private static final String NOT_ENABLED = "ACL is not enabled on this broker (aclEnable=false)";
    private static final String AK = "PADM_AK";
    /** The loopback address is globally white: every request of the tools is let through unsigned. */
    private static final String PLAIN_ACL = """
        globalWhiteRemoteAddresses:
          - 127.0.0.1
        accounts:
          - accessKey: RocketMQ
            secretKey: 12345678
            whiteRemoteAddress: 192.168.0.*
            admin: false
            defaultTopicPerm: DENY
            defaultGroupPerm: SUB
            topicPerms:
              - topicA=DENY
              - topicB=PUB|SUB
            groupPerms:
              - groupA=DENY
          - accessKey: rocketmq2
            secretKey: 12345678
            admin: true
        """;
    /** What 4.9.7's tool prints for an account: the default {@code Object.toString}, or Petrel's one-line form. */
    private static final Pattern ACCOUNT_LINE =
        Pattern.compile("org\\.apache\\.rocketmq\\.common\\.PlainAccessConfig@[0-9a-f]+|PlainAccessConfig\\{.*}");
    /** A failure as both tools report a broker's answer: its code and remark, then the broker for some requests. */
    private static final Pattern FAILURE = Pattern.compile("CODE: (-?\\d+) +DESC: (.*?)(?: +BROKER: \\S+)?$",
        Pattern.MULTILINE);
    /** The address patterns the test writes, kept apart from the masked numbers. */
    private static final List<String> PATTERNS = List.of("192.168.0.*", "10.0.0.*", "10.10.103.*", "10.10.104.*",
        "10.10.105.*", "127.0.0.1");

    @TempDir
    static Path dir;
    private final Closeables started = new Closeables();
    private OfficialNamesrv officialNamesrv;
    private OfficialBroker officialBroker;
    private PetrelCluster petrel;
    private DefaultMQAdminExt admin;
    private Map<String, SubCommand> official;
    private final Map<String, Outputs> outputs = new LinkedHashMap<>();
    private String namesrv;
    private String broker;

    @BeforeAll
    void start() throws Exception {
        official = AdminOutputs.officialCommands();
        officialNamesrv = started.add(OfficialNamesrv.start(dir.resolve("official-namesrv"), List.of()));
        officialBroker = started.add(OfficialBroker.startWithAcl(dir.resolve("official-broker"), "broker-a",
            officialNamesrv.address(), PLAIN_ACL));
        petrel = started.add(PetrelCluster.start(dir.resolve("petrel"), new Properties()));
        admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(officialNamesrv.address());
        admin.setInstanceName("padm-acl-reset");
        admin.start();
        started.add(admin::shutdown);
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
            admin.examineBrokerClusterInfo().clusterAddrTable().containsKey(OfficialBroker.CLUSTER));
    }

    @AfterAll
    void stop() throws Exception {
        started.closeAll();
    }

    @Test
    void printsWhatTheOfficialToolPrintsAgainstAnOfficialBrokerWithAcl() {
        namesrv = officialNamesrv.address();
        broker = officialBroker.address();
        String aclFile = OfficialBroker.plainAclFile(dir.resolve("official-broker")).toString();
        String cluster = OfficialBroker.CLUSTER;
        both("getAclConfig -b", this::noReset, "getAclConfig", "-b", broker);
        both("getAclConfig -c", this::noReset, "getAclConfig", "-c", cluster);
        both("clusterAclConfigVersion -b", this::settledVersions, "clusterAclConfigVersion", "-b", broker);
        both("clusterAclConfigVersion -c", this::settledVersions, "clusterAclConfigVersion", "-c", cluster);
        String[] account = {"-a", AK, "-s", "87654321", "-w", "10.0.0.*", "-i", "PUB", "-u", "SUB", "-t",
            "PADM_T1=PUB,PADM_T2=SUB", "-g", "PADM_G1=SUB", "-m", "false"};
        both("updateAclConfig -b", this::deleteAccount, "updateAclConfig", concat("-b", broker, account));
        both("updateAclConfig -c", this::deleteAccount, "updateAclConfig", concat("-c", cluster, account));
        both("getAclConfig -b with the new account", this::noReset, "getAclConfig", "-b", broker);
        both("clusterAclConfigVersion -c after an update", this::settledVersions, "clusterAclConfigVersion", "-c",
            cluster);
        both("updateAclConfig -b admin only", this::deleteAccount, "updateAclConfig", "-b", broker, "-a", AK, "-s",
            "87654321", "-m", "true");
        both("deleteAclConfig -b", this::createAccount, "deleteAclConfig", "-b", broker, "-a", AK);
        both("deleteAclConfig -c", this::createAccount, "deleteAclConfig", "-c", cluster, "-a", AK);
        both("deleteAclConfig -b no such account", this::deleteAccount, "deleteAclConfig", "-b", broker, "-a", AK);
        both("updateGlobalWhiteAddr -b -p", this::noReset, "updateGlobalWhiteAddr", "-b", broker, "-g",
            "127.0.0.1,10.10.103.*", "-p", aclFile);
        both("updateGlobalWhiteAddr -c -p", this::noReset, "updateGlobalWhiteAddr", "-c", cluster, "-g",
            "127.0.0.1,10.10.104.*", "-p", aclFile);
        // No file named: the client leaves the field out and the broker changes its default file.
        both("updateGlobalWhiteAddr -b without -p", this::noReset, "updateGlobalWhiteAddr", "-b", broker, "-g",
            "127.0.0.1,10.10.105.*");
        both("getAclConfig -c after the white address updates", this::noReset, "getAclConfig", "-c", cluster);
        AdminOutputs.assertSame(outputs, "petrel-mqadmin-acl-official.txt");

        // The aliases 4.9.7 gives two of the commands.
        PetrelRun byAlias = petrel("getAccessConfigSubCommand", "-b", broker);
        assertEquals(new PetrelRun(0, petrel("getAclConfig", "-b", broker).out(), ""), byAlias);
        createAccount();
        PetrelRun deleted = petrel("deleteAccessConfig", "-b", broker, "-a", AK);
        assertEquals(0, deleted.code(), deleted.err());
        // The account line Petrel prints where 4.9.7 printed an object identity: the account without its secret.
        deleteAccount();
        PetrelRun updated = petrel(concat("updateAclConfig", "-b", concat(broker, account)));
        assertEquals(0, updated.code(), updated.err());
        assertEquals("PlainAccessConfig{accessKey='PADM_AK', whiteRemoteAddress='10.0.0.*', admin=false, "
            + "defaultTopicPerm='PUB', defaultGroupPerm='SUB', topicPerms=[PADM_T1=PUB, PADM_T2=SUB], "
            + "groupPerms=[PADM_G1=SUB]}", updated.out().lines().skip(1).findFirst().orElse(""));
    }

    @Test
    void againstAPetrelBrokerEachCommandFailsWithTheRefusalOnOneLine() {
        namesrv = petrel.namesrvAddr();
        broker = petrel.broker().address();
        String cluster = PetrelBroker.CLUSTER;
        Map<List<String>, String> codes = new LinkedHashMap<>();
        codes.put(List.of("updateAclConfig", "-b", broker, "-a", AK, "-s", "12345678"), "209");
        codes.put(List.of("updateAclConfig", "-c", cluster, "-a", AK, "-s", "12345678"), "209");
        codes.put(List.of("deleteAclConfig", "-b", broker, "-a", AK), "210");
        codes.put(List.of("deleteAclConfig", "-c", cluster, "-a", AK), "210");
        codes.put(List.of("clusterAclConfigVersion", "-b", broker), "1");
        codes.put(List.of("clusterAclConfigVersion", "-c", cluster), "1");
        codes.put(List.of("updateGlobalWhiteAddr", "-b", broker, "-g", "10.*"), "211");
        codes.put(List.of("updateGlobalWhiteAddr", "-c", cluster, "-g", "10.*", "-p", "/x/plain_acl.yml"), "211");
        codes.put(List.of("getAclConfig", "-b", broker), "1");
        codes.put(List.of("getAclConfig", "-c", cluster), "1");
        Map<String, String> ours = new LinkedHashMap<>();
        Map<String, String> theirs = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Map.Entry<List<String>, String> e : codes.entrySet()) {
            String[] args = e.getKey().toArray(String[]::new);
            String label = String.join(" ", e.getKey());
            PetrelRun run = petrel(args);
            assertNotEquals(0, run.code(), label);
            assertEquals(1, run.err().lines().count(), label + ": " + run.err());
            assertTrue(run.err().startsWith("mqadmin " + args[0] + ": "), run.err());
            assertTrue(!run.out().contains(NOT_ENABLED), run.out());
            expected.put(label, e.getValue() + " " + NOT_ENABLED);
            ours.put(label, failure(run.err()));
            // The official tool gets the same answer at once (4.9.7 brokers never answer 52 and 54 without ACL).
            theirs.put(label, failure(AdminOutputs.runOfficial(official, namesrv, args[0],
                List.of(args).subList(1, args.length).toArray(String[]::new))));
        }
        assertEquals(expected, ours);
        assertEquals(expected, theirs);
    }

    /** The code and description of the failure reported in {@code text}; the text itself when it has none. */
    private static String failure(String text) {
        Matcher m = FAILURE.matcher(text);
        return m.find() ? m.group(1) + " " + m.group(2).strip() : text;
    }

    /**
     * Runs {@code reset} and the official command, again {@code reset} and Petrel's; keeps both masked outputs. A
     * failed run is kept as the code and description of the broker's answer, which both tools report.
     */
    private void both(String label, Runnable reset, String name, String... args) {
        reset.run();
        String theirs = AdminOutputs.runOfficial(official, namesrv, name, args);
        reset.run();
        PetrelRun ours = petrel(concat(name, args));
        String theirText = theirs.contains("FAILED: ") ? "FAILED " + failure(theirs) : theirs;
        String ourText = ours.code() == 0 && ours.err().isEmpty() ? ours.out() : "FAILED " + failure(ours.err());
        outputs.put(label, new Outputs(mask(theirText), mask(ourText)));
    }

    private String mask(String text) {
        Map<String, String> literals = new LinkedHashMap<>();
        literals.put(broker, "@BROKER_ADDR@");
        literals.put(namesrv, "@NAMESRV_ADDR@");
        for (String pattern : PATTERNS) {
            literals.put(pattern, "@PATTERN_" + PATTERNS.indexOf(pattern) + "@");
        }
        return ACCOUNT_LINE.matcher(AdminOutputs.mask(text, literals, false)).replaceAll("@ACCOUNT@");
    }

    /** Runs Petrel's tool in this JVM against the NameServer under test. */
    private PetrelRun petrel(String... args) {
        return AdminOutputs.runPetrel(namesrv, args);
    }

    private void noReset() {
    }

    /** Puts the test account in place, so that a deletion finds it. */
    private void createAccount() {
        try {
            admin.createAndUpdatePlainAccessConfig(broker, new PlainAccessConfig(AK, "87654321", null, false, "PUB",
                "SUB", null, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        awaitAccount(true);
    }

    /** Removes the test account, so that an update creates it anew and a deletion misses it. */
    private void deleteAccount() {
        try {
            if (hasAccount()) {
                admin.deletePlainAccessConfig(broker, AK);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        awaitAccount(false);
    }

    private boolean hasAccount() throws Exception {
        List<PlainAccessConfig> accounts = admin.examineBrokerClusterAclConfig(broker).plainAccessConfigs();
        return accounts != null && accounts.stream().anyMatch(a -> AK.equals(a.accessKey()));
    }

    private void awaitAccount(boolean present) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> hasAccount() == present);
    }

    /**
     * Waits until the broker's ACL file versions stop moving: 4.9.7 reloads a changed ACL file (a new version) a
     * moment after it wrote it.
     */
    private void settledVersions() {
        AtomicReference<Object> last = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Object now = admin.examineBrokerClusterAclVersionInfo(broker).allAclConfigDataVersion();
            return now.equals(last.getAndSet(now));
        });
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String[] concat(String first, String second, String... rest) {
        return concat(first, concat(second, rest));
    }
}
