package io.petrel.test.official;

import java.util.ArrayList;
import java.util.List;

/**
 * What a test started, closed in reverse order by {@link #closeAll()} (from {@code @AfterEach}): every item is closed
 * even when an earlier one fails; the first failure is rethrown with the others suppressed.
 */
public final class Closeables {
    private final List<AutoCloseable> items = new ArrayList<>();

    /** Registers {@code item} and returns it. */
    public synchronized <T extends AutoCloseable> T add(T item) {
        items.add(item);
        return item;
    }

    public void closeAll() throws Exception {
        List<AutoCloseable> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(items);
            items.clear();
        }
        Exception first = null;
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
