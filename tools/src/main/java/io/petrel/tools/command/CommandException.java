package io.petrel.tools.command;

/** A failure a command explains in one line: bad input, a missing topic or group, a refused request. */
public class CommandException extends Exception {
    public CommandException(String message) {
        super(message);
    }
}
