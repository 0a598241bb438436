package io.petrel.tools.command;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * One {@code mqadmin} subcommand: its name and description as the command list shows them, the options it adds to
 * the common ones ({@code -h}, {@code -n}), and what it does. A command prints its results on the session's output
 * and reports a failure by throwing; it never exits the JVM.
 */
public interface SubCommand {
    String name();

    String description();

    /** A second name the command also answers to, as 4.9.7 gives some commands; null for none. */
    default String alias() {
        return null;
    }

    /** Adds this command's options to {@code options}, which already holds {@code -h} and {@code -n}. */
    void addOptions(Options options);

    void execute(CommandLine line, AdminSession session) throws Exception;
}
