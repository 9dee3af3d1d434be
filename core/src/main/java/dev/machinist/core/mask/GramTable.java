package dev.machinist.core.mask;

/**
 * The exact set of the start filter's q-grams (open addressing, linear probing), asked only when the Bloom
 * filter says yes. It turns the Bloom filter's false positives, which would each run the automaton over a
 * block (hundreds of nanoseconds with 1,000 secrets, whose tables do not fit in cache), into one more lookup.
 */
final class GramTable {
    private final long[] keys;
    private final int shift;
    /** The gram 0 (q NUL bytes) marks empty slots, so its presence is a flag of its own. */
    private boolean hasZero;

    GramTable(long capacity) {
        int bits = 4;
        while ((1L << bits) < 2 * capacity) {
            bits++;
        }
        this.keys = new long[1 << bits];
        this.shift = 64 - bits;
    }

    void add(long gram) {
        if (gram == 0) {
            hasZero = true;
            return;
        }
        int mask = keys.length - 1;
        for (int i = slot(gram); ; i = (i + 1) & mask) {
            if (keys[i] == gram) {
                return;
            }
            if (keys[i] == 0) {
                keys[i] = gram;
                return;
            }
        }
    }

    boolean contains(long gram) {
        if (gram == 0) {
            return hasZero;
        }
        int mask = keys.length - 1;
        for (int i = slot(gram); ; i = (i + 1) & mask) {
            long key = keys[i];
            if (key == gram) {
                return true;
            }
            if (key == 0) {
                return false;
            }
        }
    }

    /** A different mix from the Bloom filter's, so its false positives do not all collide here too. */
    private int slot(long gram) {
        long h = gram * 0xC2B2AE3D27D4EB4FL;
        return (int) ((h ^ (h >>> 31)) >>> shift);
    }
}
