package io.petrel.tools.command.broker;

import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;

/** Prints server settings as 4.9.7's tools do: {@code key} padded to 50 columns, {@code =  value}. */
public final class SettingsPrinter {
    private SettingsPrinter() {
    }

    public static void print(Properties settings, PrintStream out) {
        for (Map.Entry<Object, Object> e : settings.entrySet()) {
            out.printf("%-50s=  %s\n", e.getKey(), e.getValue());
        }
    }
}
