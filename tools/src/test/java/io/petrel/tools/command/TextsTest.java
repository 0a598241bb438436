package io.petrel.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void aTimeOptionIsMillisOrTheDatePattern() throws CommandException {
        assertEquals(1577836800000L, Texts.timeOption("-s", " 1577836800000 "));
        long expected = LocalDateTime.of(2020, 1, 2, 3, 4, 5, 6_000_000).atZone(ZoneId.systemDefault()).toInstant()
            .toEpochMilli();
        assertEquals(expected, Texts.timeOption("-s", "2020-01-02#03:04:05:006"));
    }

    @Test
    void anyOtherTimeOptionIsRefusedNamingTheOption() {
        CommandException e = assertThrows(CommandException.class, () -> Texts.timeOption("-s", "2020-01-02 03:04"));
        assertEquals("option -s wants milliseconds or yyyy-MM-dd#HH:mm:ss:SSS, not '2020-01-02 03:04'", e.getMessage());
    }

    @Test
    void secondsTimeHasNoMillis() {
        long t = LocalDateTime.of(2024, 1, 31, 12, 0, 7).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        assertEquals("2024-01-31 12:00:07", Texts.secondsTime(t + 999));
    }
}
