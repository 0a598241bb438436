package io.petrel.test.official;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test that starts servers and clients into {@link #open}, under its own temporary {@link #dir}: whatever it
 * started is closed after each test, newest first, even when the test failed.
 */
public abstract class ClosingTest {
    @TempDir
    protected Path dir;
    protected final Closeables open = new Closeables();

    @AfterEach
    protected void closeAll() throws Exception {
        open.closeAll();
    }
}
