package dev.machinist.core.mask;

/**
 * An immutable Aho–Corasick automaton over bytes. States are numbered in breadth-first order, so the shallow
 * states (where a scan over ordinary log text spends nearly all its time) form a prefix {@code [0, denseCount)}
 * with a full 256-entry transition row each: one array load per byte. Deeper states keep only their trie
 * children and follow failure links back to a dense state; a dense table for every state would need ~1 KB per
 * state, i.e. hundreds of MB for 1,000 secrets with all their encoded forms.
 *
 * <p>Patterns never contain CR or LF: the scanner skips line breaks between the characters of a match (see
 * {@link MaskingOutputStream}), so a dense entry for CR/LF in a non-root state is {@link #LINE_BREAK}.
 */
final class Automaton {
    /** Dense entry: a CR or LF seen inside a partial match; the scanner decides whether to skip it. */
    static final int LINE_BREAK = Integer.MIN_VALUE;

    static final Automaton EMPTY = AutomatonBuilder.build(new byte[0][], 0);

    /**
     * {@code dense[s << 8 | c]}: a value {@code >= 0} is the next state, which is dense and ends no pattern
     * (the fast path). A negative value other than {@link #LINE_BREAK} is {@code ~next} for a next state that is
     * deep or ends a pattern.
     */
    final int[] dense;

    final int denseCount;
    final int[] depth;
    final int[] fail;
    /** Length of the longest pattern that is a suffix of the state's string, 0 when none. */
    final int[] matchLength;

    final int[] childStart;
    final int[] childCount;
    /** The byte on the edge into each state (children of a state are contiguous and sorted). */
    final byte[] edge;

    final int maxLength;
    final int patternCount;

    /**
     * Depth of the longest suffix of the state's string that can still grow into a match (a trie node with
     * children). A finished match at a leaf holds nothing back: its bytes are written at once.
     */
    int[] liveDepth;

    /**
     * Proves most blocks of text free of match starts; {@code null} when there are no patterns or they are
     * too short for blocks to pay (then the automaton reads every byte).
     */
    StartFilter startFilter;

    /** No patterns at all: every byte is written through untouched. */
    boolean matchesNothing;

    Automaton(
            int[] dense,
            int denseCount,
            int[] depth,
            int[] fail,
            int[] matchLength,
            int[] childStart,
            int[] childCount,
            byte[] edge,
            int maxLength,
            int patternCount) {
        this.dense = dense;
        this.denseCount = denseCount;
        this.depth = depth;
        this.fail = fail;
        this.matchLength = matchLength;
        this.childStart = childStart;
        this.childCount = childCount;
        this.edge = edge;
        this.maxLength = maxLength;
        this.patternCount = patternCount;
    }

    /**
     * Bit {@code x << 8 | y} is set when a match can start with byte {@code x} followed by {@code y} (or by a
     * line break, which matches skip). At the root, a position whose byte pair is not set cannot start a
     * match, so the scanner skips it without touching the transition table: 8 KB that stay in L1.
     */
    long[] startPairs;

    /** The state after reading symbol {@code c} (never CR or LF) in state {@code s}. */
    int step(int s, int c) {
        while (true) {
            if (s < denseCount) {
                int t = dense[(s << 8) | c];
                return t >= 0 ? t : ~t;
            }
            int first = childStart[s];
            int end = first + childCount[s];
            for (int k = first; k < end; k++) {
                if ((edge[k] & 0xff) == c) {
                    return k;
                }
            }
            s = fail[s];
        }
    }

    static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r';
    }
}
