package dev.machinist.core.mask;

/**
 * The scanning half of a {@link MaskingOutputStream}: the automaton's state and the start filter's block
 * bookkeeping, carried from one write to the next. It reports each match to the stream as a covered range
 * and reads bytes behind the current write (line breaks before a match, a match's first symbol) through it.
 */
final class MatchScanner {
    private final MaskingOutputStream text;
    private Automaton automaton;
    private int state;

    /**
     * Whether the automaton is running ({@code false}: skipping blocks the start filter excludes, at the root,
     * with the next block starting at the next byte scanned). While it runs, match starts before
     * {@code candidateEnd} are its business, starts in {@code [candidateEnd, checkedEnd)} were excluded by the
     * filter, and the block starting at {@code checkedEnd} is not classified yet.
     */
    private boolean active;

    private long candidateEnd;
    private long checkedEnd;

    MatchScanner(MaskingOutputStream text) {
        this.text = text;
    }

    Automaton automaton() {
        return automaton;
    }

    /** Starts over at the root with {@code automaton}, as if no byte had been read. */
    void reset(Automaton automaton) {
        this.automaton = automaton;
        this.state = 0;
        this.active = false;
    }

    /** Symbols of the longest partial match that can still grow into a match; 0 when there is none. */
    int liveDepth() {
        return automaton.liveDepth[state];
    }

    /**
     * Scans {@code b[off, off+len)}, whose byte {@code i} is at absolute position {@code base + i}. Blocks the
     * {@link StartFilter} excludes are skipped without a look at the automaton; the automaton runs from the
     * start of each candidate block, and until every partial match that began in a candidate block is either
     * finished or dead. The end of a write, where a block's sample would need bytes not yet written, counts as
     * a candidate, so the state carried to the next write is always exact.
     */
    void scan(byte[] b, int off, int len, long base) {
        final Automaton a = automaton;
        final StartFilter filter = a.startFilter;
        if (a.matchesNothing) {
            return;
        }
        final int end = off + len;
        if (filter == null) {
            state = run(a, state, b, off, end, end, base);
            return;
        }
        final int[] liveDepth = a.liveDepth;
        int s = state;
        int i = off;
        while (i < end) {
            if (!active) {
                int found = filter.skip(b, i, end);
                i = found >= 0 ? found : ~found;
                candidateEnd = checkedEnd = found >= 0 ? base + i + filter.stride : base + end;
                active = true;
                s = 0;
                continue;
            }
            long at = base + i;
            if (at == checkedEnd) {
                int verdict = filter.classify(b, i, end);
                if (verdict == StartFilter.UNKNOWN) {
                    candidateEnd = checkedEnd = base + end;
                } else {
                    checkedEnd = at + filter.stride;
                    if (verdict == StartFilter.CANDIDATE) {
                        candidateEnd = checkedEnd;
                    }
                }
            }
            int stop = (int) (checkedEnd - base);
            if (at < candidateEnd) {
                int until = (int) Math.min(stop, candidateEnd - base);
                s = run(a, s, b, i, until, end, base);
                i = until;
                continue;
            }
            // Past the candidates: run only while a live partial match began in a candidate block. A partial
            // of d symbols spans at most 3d bytes (up to two line breaks after each symbol).
            while (i < stop) {
                s = run(a, s, b, i, i + 1, end, base);
                i++;
                int d = liveDepth[s];
                if (d == 0 || base + i - 3L * d >= candidateEnd) {
                    s = 0;
                    active = false;
                    i = stop;
                    break;
                }
            }
        }
        state = s;
    }

    /** Runs the automaton over {@code b[from, until)} from state {@code s}; the write ends at {@code end}. */
    private int run(Automaton a, int s, byte[] b, int from, int until, int end, long base) {
        final int[] dense = a.dense;
        final int denseCount = a.denseCount;
        final long[] startPairs = a.startPairs;
        int i = from;
        while (i < until) {
            if (s == 0) {
                // At the root nothing is held: skip every byte whose pair with the next cannot start a match.
                int limit = Math.min(until, end - 1);
                while (i < limit) {
                    int pair = (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
                    if ((startPairs[pair >>> 6] & (1L << pair)) != 0) break;
                    i++;
                }
            }
            boolean backAtRoot = false;
            while (s < denseCount && i < until) {
                int t = dense[(s << 8) | (b[i] & 0xff)];
                if (t < 0) {
                    break;
                }
                s = t;
                i++;
                if (t == 0) {
                    backAtRoot = true;
                    break;
                }
            }
            if (backAtRoot) {
                continue;
            }
            if (i == until) {
                break;
            }
            s = slowStep(a, s, b[i] & 0xff, base + i);
            i++;
        }
        return s;
    }

    /** A line break inside a partial match, a deep state, or a state that ends a pattern. */
    private int slowStep(Automaton a, int s, int c, long at) {
        if (Automaton.isLineBreak(c)) {
            if (a.liveDepth[s] == 0) {
                // No suffix read so far can grow into a match: the same as the root, whose bytes are written.
                return 0;
            }
            int run = 1;
            for (long p = at - 1; run <= 2 && Automaton.isLineBreak(text.byteAt(p)); p--) {
                run++;
            }
            return run > 2 ? 0 : s;
        }
        int next = a.step(s, c);
        int length = a.matchLength[next];
        if (length != 0) {
            text.cover(startOfSymbols(at, length), at + 1);
        }
        return next;
    }

    /** Position of the first of the {@code count} symbols (non line-break bytes) ending at {@code last}. */
    long startOfSymbols(long last, int count) {
        long p = last;
        int seen = 0;
        while (true) {
            if (!Automaton.isLineBreak(text.byteAt(p)) && ++seen == count) {
                return p;
            }
            p--;
        }
    }
}
