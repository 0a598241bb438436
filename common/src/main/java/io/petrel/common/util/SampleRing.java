package io.petrel.common.util;

/**
 * The last {@code capacity} samples of one or more growing counters, each sample stamped with its time; a new
 * sample beyond the capacity drops the oldest. Samples are addressed from the newest: {@code back} 0 is the
 * newest, {@code size() - 1} the oldest. Not thread-safe: its owner guards it.
 */
public final class SampleRing {
    private final long[] atMillis;
    private final long[][] columns;
    private int first;
    private int size;

    /** @param counters how many counters each sample holds */
    public SampleRing(int capacity, int counters) {
        this.atMillis = new long[capacity];
        this.columns = new long[counters][capacity];
    }

    /** Adds a sample of every counter, in the order of the columns. */
    public void add(long nowMillis, long... values) {
        int capacity = atMillis.length;
        if (size == capacity) {
            first = (first + 1) % capacity;
            size--;
        }
        int slot = (first + size) % capacity;
        atMillis[slot] = nowMillis;
        for (int c = 0; c < columns.length; c++) {
            columns[c][slot] = values[c];
        }
        size++;
    }

    public int size() {
        return size;
    }

    public long atMillis(int back) {
        return atMillis[slot(back)];
    }

    public long value(int back, int counter) {
        return columns[counter][slot(back)];
    }

    private int slot(int back) {
        if (back < 0 || back >= size) {
            throw new IndexOutOfBoundsException("sample " + back + " back of " + size);
        }
        return (first + size - 1 - back) % atMillis.length;
    }
}
