package io.petrel.tools.command;

/** A subcommand whose name and description are fixed when it is made. */
public abstract class BaseCommand implements SubCommand {
    private final String name;
    private final String description;

    protected BaseCommand(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }
}
