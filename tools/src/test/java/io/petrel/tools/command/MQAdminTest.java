package io.petrel.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;

/** The command framework without a cluster: the list, help, usage errors and a missing NameServer. */
class MQAdminTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A command that prints its option and, when asked, reaches for the NameServer. */
    private static final class Echo extends BaseCommand {
        Echo() {
            super("echo", "Print the given word");
        }

        @Override
        public String alias() {
            return "say";
        }

        @Override
        public void addOptions(Options options) {
            Opts.required(options, "w", "word", "the word to print");
            Opts.flag(options, "a", "admin", "ask for the admin client first");
        }

        @Override
        public void execute(CommandLine line, AdminSession session) throws Exception {
            if (line.hasOption('a')) {
                session.admin();
            }
            session.out().printf("%s%n", line.getOptionValue('w'));
        }
    }

    private int run(String namesrv, String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new MQAdmin(List.of(new Echo()), o, e, namesrv).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertOneErrorLine(int code, String containing) {
        assertNotEquals(0, code);
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains(containing), err());
    }

    @Test
    void noArgumentsListsTheCommands() {
        assertEquals(0, run(null));
        assertEquals("The most commonly used mqadmin commands are:\n"
            + "   echo                 Print the given word\n\n"
            + "See 'mqadmin help <command>' for more information on a specific command.\n",
            out().replace(System.lineSeparator(), "\n"));
        assertEquals("", err());
    }

    @Test
    void helpPrintsTheUsageOfOneCommand() {
        assertEquals(0, run(null, "help", "echo"));
        assertTrue(out().startsWith("usage: mqadmin echo [-a] [-h] [-n <arg>] -w <arg>"), out());
        assertTrue(out().contains("-w,--word <arg>"), out());
        assertTrue(out().contains("-n,--namesrvAddr <arg>"), out());
    }

    @Test
    void dashHPrintsTheUsageAndSucceeds() {
        assertEquals(0, run(null, "echo", "-h"));
        assertTrue(out().startsWith("usage: mqadmin echo"), out());
        assertEquals("", err());
    }

    @Test
    void runsACommand() {
        assertEquals(0, run(null, "echo", "-w", "hello"));
        assertEquals("hello", out().strip());
    }

    @Test
    void aMissingRequiredOptionIsOneLineOnStderr() {
        assertOneErrorLine(run(null, "echo"), "mqadmin echo: Missing required option: w");
        assertEquals("", out());
    }

    @Test
    void anUnknownOptionIsOneLineOnStderr() {
        assertOneErrorLine(run(null, "echo", "-w", "x", "-z"), "Unrecognized option: -z");
    }

    @Test
    void aCommandNameMayBeGivenInAnyCase() {
        assertEquals(0, run(null, "ECHO", "-w", "x"));
        assertEquals("x" + System.lineSeparator(), out());
        assertEquals(0, run(null, "help", "Echo"));
        assertTrue(out().contains("usage: mqadmin echo"), out());
    }

    @Test
    void anUnknownCommandIsOneLineOnStderr() {
        assertOneErrorLine(run(null, "nosuch"), "unknown command 'nosuch'");
    }

    @Test
    void helpOfAnUnknownCommandIsOneLineOnStderr() {
        assertOneErrorLine(run(null, "help", "nosuch"), "unknown command 'nosuch'");
    }

    @Test
    void noNameServerIsOneLineOnStderr() {
        assertOneErrorLine(run(null, "echo", "-w", "x", "-a"), "no NameServer address");
        assertEquals("", out());
    }

    @Test
    void theNameServerComesFromTheEnvironmentThenTheProperty() {
        Properties props = new Properties();
        props.setProperty(MQAdmin.NAMESRV_ADDR_PROPERTY, "10.0.0.2:9876");
        assertEquals("10.0.0.1:9876", MQAdmin.defaultNamesrvAddr(Map.of("NAMESRV_ADDR", "10.0.0.1:9876"), props));
        assertEquals("10.0.0.2:9876", MQAdmin.defaultNamesrvAddr(Map.of(), props));
        assertNull(MQAdmin.defaultNamesrvAddr(Map.of(), new Properties()));
    }

    @Test
    void aCommandAnswersToItsAliasWhichTheListLeavesOut() {
        assertEquals(0, run(null, "say", "-w", "hi"));
        assertEquals("hi", out().strip());
        out.reset();
        assertEquals(0, run(null, "help", "say"));
        assertTrue(out().contains("usage: mqadmin echo"), out());
        out.reset();
        assertEquals(0, run(null));
        assertTrue(out().contains("   echo ") && !out().contains("say"), out());
    }

    @Test
    void aFailureWithCausesIsDescribedOnOneLine() {
        Exception e = new Exception("topic route of T failed", new IllegalStateException("connect to\n1.2.3.4:1"));
        assertEquals("topic route of T failed: connect to 1.2.3.4:1", MQAdmin.describe(e));
    }

    @Test
    void everyRegisteredCommandHasAUniqueNameAndBuildsItsOptions() {
        List<SubCommand> all = Commands.all();
        assertEquals(all.size(), all.stream().map(SubCommand::name).distinct().count());
        List<String> aliases = all.stream().map(SubCommand::alias).filter(a -> a != null).toList();
        assertEquals(List.of("deleteAccessConfig", "getAccessConfigSubCommand"), aliases);
        assertTrue(all.stream().noneMatch(c -> aliases.contains(c.name())));
        for (SubCommand c : all) {
            Options options = new Options();
            c.addOptions(options);
            assertTrue(!c.description().isBlank(), c.name());
        }
    }
}
