package dev.machinist.core.mask;

import java.util.Arrays;

/**
 * Builds an {@link Automaton} without any per-node map: the patterns are sorted, and each trie node is a range
 * of patterns sharing its prefix, split by the next byte. Processing nodes in creation order is a
 * breadth-first walk, which gives contiguous children and lets failure links and dense rows be filled in one
 * pass (a node's failure state is always shallower, hence already complete).
 */
final class AutomatonBuilder {
    /** Upper bound on dense states: 8,192 rows of 256 ints is 8 MB. */
    static final int MAX_DENSE_STATES = 8192;

    /**
     * Dense rows below this depth buy little: in log text the automaton rarely gets four bytes into a
     * pattern, and each row costs 1 KB to store and fill.
     */
    static final int MAX_DENSE_DEPTH = 3;

    private AutomatonBuilder() {}

    static Automaton build(byte[][] input, int patternCount) {
        return build(input, patternCount, StartFilter.DEFAULT_MINIMUM_STRIDE);
    }

    static Automaton build(byte[][] input, int patternCount, int minimumStride) {
        // Loops and a plain sort rather than a stream: this runs while a cold JVM starts `run`.
        byte[][] patterns = new byte[input.length][];
        int n = 0;
        for (byte[] p : input) {
            if (p.length > 0) {
                patterns[n++] = p;
            }
        }
        patterns = Arrays.copyOf(patterns, n);
        Arrays.sort(patterns, Arrays::compareUnsigned);
        patterns = dedupe(patterns);
        int capacity = 1;
        int maxLength = 0;
        for (byte[] p : patterns) {
            capacity += p.length;
            maxLength = Math.max(maxLength, p.length);
        }
        int[] lo = new int[capacity];
        int[] hi = new int[capacity];
        int[] depth = new int[capacity];
        int[] childStart = new int[capacity];
        int[] childCount = new int[capacity];
        byte[] edge = new byte[capacity];
        boolean[] terminal = new boolean[capacity];
        int nodes = 1;
        hi[0] = patterns.length;
        for (int u = 0; u < nodes; u++) {
            int d = depth[u];
            int a = lo[u];
            int b = hi[u];
            if (a < b && patterns[a].length == d) {
                terminal[u] = true;
                a++;
            }
            childStart[u] = nodes;
            while (a < b) {
                byte c = patterns[a][d];
                int e = a + 1;
                while (e < b && patterns[e][d] == c) {
                    e++;
                }
                lo[nodes] = a;
                hi[nodes] = e;
                depth[nodes] = d + 1;
                edge[nodes] = c;
                nodes++;
                a = e;
            }
            childCount[u] = nodes - childStart[u];
        }
        int denseCount = denseCount(depth, nodes);
        int[] dense = new int[denseCount << 8];
        int[] fail = new int[nodes];
        int[] matchLength = new int[nodes];
        int[] liveDepth = new int[nodes];
        Automaton partial =
                new Automaton(dense, denseCount, depth, fail, matchLength, childStart, childCount, edge, maxLength, 0);
        for (int u = 0; u < nodes; u++) {
            if (u < denseCount) {
                fillDenseRow(partial, u);
            }
            for (int v = childStart[u]; v < childStart[u] + childCount[u]; v++) {
                fail[v] = u == 0 ? 0 : partial.step(fail[u], edge[v] & 0xff);
                matchLength[v] = terminal[v] ? depth[v] : matchLength[fail[v]];
                liveDepth[v] = childCount[v] > 0 ? depth[v] : liveDepth[fail[v]];
            }
        }
        markSpecialEntries(dense, denseCount, depth, matchLength);
        Automaton built = new Automaton(
                dense,
                denseCount,
                Arrays.copyOf(depth, nodes),
                fail,
                matchLength,
                Arrays.copyOf(childStart, nodes),
                Arrays.copyOf(childCount, nodes),
                Arrays.copyOf(edge, nodes),
                maxLength,
                patternCount);
        built.liveDepth = liveDepth;
        built.startPairs = startPairs(patterns);
        built.startFilter = StartFilter.of(patterns, minimumStride);
        built.matchesNothing = patterns.length == 0;
        return built;
    }

    /** The byte pairs that can start a match: each pattern's first two bytes, or its first and a line break. */
    private static long[] startPairs(byte[][] patterns) {
        long[] bits = new long[1024];
        for (byte[] p : patterns) {
            int x = (p[0] & 0xff) << 8;
            if (p.length == 1) {
                for (int y = 0; y < 256; y++) {
                    bits[(x | y) >>> 6] |= 1L << (x | y);
                }
                continue;
            }
            for (int y : new int[] {p[1] & 0xff, '\n', '\r'}) {
                bits[(x | y) >>> 6] |= 1L << (x | y);
            }
        }
        return bits;
    }

    /** Sorted input: drop exact duplicates left by distinct() on arrays (which compares identity). */
    private static byte[][] dedupe(byte[][] sorted) {
        int n = 0;
        for (byte[] p : sorted) {
            if (n == 0 || !Arrays.equals(sorted[n - 1], p)) {
                sorted[n++] = p;
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    /** All states up to the deepest level that still fits the dense budget (at least the root's children). */
    private static int denseCount(int[] depth, int nodes) {
        int count = 0;
        int level = 0;
        while (true) {
            int next = count;
            while (next < nodes && depth[next] <= level) {
                next++;
            }
            if (next == count || level > MAX_DENSE_DEPTH || (next > MAX_DENSE_STATES && level > 1)) {
                return Math.max(count, Math.min(nodes, 1));
            }
            count = next;
            level++;
        }
    }

    /** Plain next states, computed while the failure links of shallower states are already known. */
    private static void fillDenseRow(Automaton a, int u) {
        int row = u << 8;
        if (u == 0) {
            Arrays.fill(a.dense, 0, 256, 0);
        } else {
            System.arraycopy(a.dense, a.fail[u] << 8, a.dense, row, 256);
            // The failure row was already encoded only as plain states; specials are marked at the end.
        }
        for (int v = a.childStart[u]; v < a.childStart[u] + a.childCount[u]; v++) {
            a.dense[row | (a.edge[v] & 0xff)] = v;
        }
    }

    private static void markSpecialEntries(int[] dense, int denseCount, int[] depth, int[] matchLength) {
        for (int s = 0; s < denseCount; s++) {
            int row = s << 8;
            for (int c = 0; c < 256; c++) {
                int next = dense[row | c];
                if (next >= denseCount || matchLength[next] != 0) {
                    dense[row | c] = ~next;
                }
            }
            if (s > 0) {
                // Patterns hold no line breaks, so these entries were plain fallbacks: mark them after the loop.
                dense[row | '\n'] = Automaton.LINE_BREAK;
                dense[row | '\r'] = Automaton.LINE_BREAK;
            }
        }
    }
}
