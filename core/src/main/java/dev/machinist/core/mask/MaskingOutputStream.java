package dev.machinist.core.mask;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * One masked stream. Bytes are scanned by the shared {@link Automaton}; a byte is written downstream as soon
 * as no pattern occurrence can still cover it, i.e. when it lies before the start of the longest partial
 * match (the automaton state's depth). Only that partial match is held back, so memory is bounded by the
 * longest pattern (times three, for skipped line breaks), whatever the size of the output, and output with
 * no partial match in flight (a progress bar, a prompt) passes through at once, without waiting for a newline.
 *
 * <p>Line breaks (CR, LF) are transparent inside a match: up to two consecutive CR/LF bytes may sit between
 * two characters of a pattern. That masks a secret wrapped by {@code base64}'s 76 columns whatever column it
 * starts at, a multi-line secret printed with LF or CRLF, and a value split by a terminal. Line breaks are
 * always written through, so masking never changes the number of lines: each maximal run of masked bytes
 * between line breaks becomes one replacement, and overlapping or adjacent occurrences merge into one run.
 */
final class MaskingOutputStream extends OutputStream {
    private final Masker masker;
    private final OutputStream out;
    private final byte[] replacement;
    private Automaton automaton;
    private int state;

    /** Absolute position of the next byte to be scanned, and of the first byte not yet written downstream. */
    private long position;

    private long emitted;

    /** Bytes [emitted, position) between writes. */
    private byte[] carry = new byte[64];

    /** The window being scanned: positions from {@code windowStart} map to {@code window[windowOffset..]}. */
    private byte[] window;

    private int windowOffset;
    private long windowStart;

    /** Covered ranges [start, end) not yet fully written; unsorted, possibly overlapping. */
    private long[] starts = new long[8];

    private long[] ends = new long[8];
    private int ranges;
    private boolean inMaskedRun;
    private boolean closed;

    /**
     * Whether the automaton is running ({@code false}: skipping blocks the start filter excludes, at the root,
     * with the next block starting at {@link #position}). While it runs, match starts before
     * {@code candidateEnd} are its business, starts in {@code [candidateEnd, checkedEnd)} were excluded by the
     * filter, and the block starting at {@code checkedEnd} is not classified yet.
     */
    private boolean active;

    private long candidateEnd;
    private long checkedEnd;

    MaskingOutputStream(Masker masker, OutputStream out, byte[] replacement) {
        this.masker = masker;
        this.out = Objects.requireNonNull(out, "out");
        this.replacement = replacement;
        this.automaton = masker.automaton();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("Stream closed");
        }
        Automaton current = masker.automaton();
        if (current != automaton) {
            rescanHeldBytes(current);
        }
        if (len == 0) {
            return;
        }
        window = b;
        windowOffset = off;
        windowStart = position;
        scan(b, off, len);
        position += len;
        long frontier = frontier();
        long heldFrom = emitted;
        writeUpTo(frontier);
        keep(frontier, heldFrom);
    }

    /** Bytes held back because they may still be the start of a match (for the memory-bound test). */
    synchronized int heldBytes() {
        return (int) (position - emitted);
    }

    /** Everything that can no longer be part of a match was already written at the end of each write. */
    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    /** Writes the held-back bytes (masked where a pattern covers them) and closes the downstream stream. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        finish();
        closed = true;
        out.close();
    }

    /** Writes everything still held back, as if the input ended here, without closing downstream. */
    synchronized void finish() throws IOException {
        window = carry;
        windowOffset = 0;
        windowStart = emitted;
        writeUpTo(position);
        state = 0;
        active = false;
        out.flush();
    }

    /** New patterns arrived: re-read the held-back bytes with the new automaton (they may now match). */
    private void rescanHeldBytes(Automaton current) {
        automaton = current;
        state = 0;
        active = false;
        int held = (int) (position - emitted);
        window = carry;
        windowOffset = 0;
        windowStart = emitted;
        scan(carry, 0, held);
    }

    /**
     * Scans {@code b[off, off+len)}, which starts at absolute position {@link #windowStart}. Blocks the
     * {@link StartFilter} excludes are skipped without a look at the automaton; the automaton runs from the
     * start of each candidate block, and until every partial match that began in a candidate block is either
     * finished or dead. The end of a write, where a block's sample would need bytes not yet written, counts as
     * a candidate, so the state carried to the next write is always exact.
     */
    private void scan(byte[] b, int off, int len) {
        final Automaton a = automaton;
        final StartFilter filter = a.startFilter;
        if (a.matchesNothing) {
            return;
        }
        final int end = off + len;
        final long base = windowStart - windowOffset;
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
            for (long p = at - 1; run <= 2 && Automaton.isLineBreak(byteAt(p)); p--) {
                run++;
            }
            return run > 2 ? 0 : s;
        }
        int next = a.step(s, c);
        int length = a.matchLength[next];
        if (length != 0) {
            cover(startOfSymbols(at, length), at + 1);
        }
        return next;
    }

    /** Position of the first of the {@code count} symbols (non line-break bytes) ending at {@code last}. */
    private long startOfSymbols(long last, int count) {
        long p = last;
        int seen = 0;
        while (true) {
            if (!Automaton.isLineBreak(byteAt(p)) && ++seen == count) {
                return p;
            }
            p--;
        }
    }

    /** The first byte that a future match could still cover: the start of the current partial match. */
    private long frontier() {
        int d = automaton.liveDepth[state];
        return d == 0 ? position : startOfSymbols(position - 1, d);
    }

    private int byteAt(long p) {
        if (p >= windowStart) {
            return window[windowOffset + (int) (p - windowStart)] & 0xff;
        }
        return carry[(int) (p - emitted)] & 0xff;
    }

    private void cover(long start, long end) {
        if (ranges > 0 && start <= ends[ranges - 1]) {
            starts[ranges - 1] = Math.min(starts[ranges - 1], start);
            ends[ranges - 1] = end;
            return;
        }
        if (ranges == starts.length) {
            starts = Arrays.copyOf(starts, ranges * 2);
            ends = Arrays.copyOf(ends, ranges * 2);
        }
        starts[ranges] = start;
        ends[ranges] = end;
        ranges++;
    }

    /** Writes [emitted, limit): plain bytes as they are, covered runs as one replacement per line. */
    private void writeUpTo(long limit) throws IOException {
        if (ranges > 1) {
            sortRanges();
        }
        long p = emitted;
        int kept = 0;
        for (int r = 0; r < ranges; r++) {
            long s = Math.max(starts[r], p);
            long e = ends[r];
            if (s >= limit) {
                starts[kept] = starts[r];
                ends[kept++] = e;
                continue;
            }
            if (s > p) {
                writePlain(p, s);
            }
            long stop = Math.min(e, limit);
            if (s < stop) {
                writeCovered(s, stop);
                p = stop;
            }
            if (e > limit) {
                starts[kept] = limit;
                ends[kept++] = e;
            }
        }
        ranges = kept;
        if (p < limit) {
            writePlain(p, limit);
        }
        emitted = limit;
    }

    private void sortRanges() {
        for (int i = 1; i < ranges; i++) {
            long s = starts[i];
            long e = ends[i];
            int j = i - 1;
            while (j >= 0 && starts[j] > s) {
                starts[j + 1] = starts[j];
                ends[j + 1] = ends[j];
                j--;
            }
            starts[j + 1] = s;
            ends[j + 1] = e;
        }
    }

    private void writePlain(long from, long to) throws IOException {
        inMaskedRun = false;
        if (from < windowStart) {
            long carryEnd = Math.min(to, windowStart);
            out.write(carry, (int) (from - emitted), (int) (carryEnd - from));
            from = carryEnd;
        }
        if (from < to) {
            out.write(window, windowOffset + (int) (from - windowStart), (int) (to - from));
        }
    }

    private void writeCovered(long from, long to) throws IOException {
        for (long p = from; p < to; p++) {
            int c = byteAt(p);
            if (Automaton.isLineBreak(c)) {
                out.write(c);
                inMaskedRun = false;
            } else if (!inMaskedRun) {
                out.write(replacement);
                inMaskedRun = true;
            }
        }
    }

    /** Moves the held-back bytes [frontier, position) into the carry buffer, which held [oldStart, windowStart). */
    private void keep(long frontier, long oldStart) {
        int held = (int) (position - frontier);
        byte[] target = held > carry.length ? new byte[Math.max(held, carry.length * 2)] : carry;
        int n = 0;
        if (frontier < windowStart) {
            n = (int) (windowStart - frontier);
            System.arraycopy(carry, (int) (frontier - oldStart), target, 0, n);
        }
        long from = Math.max(frontier, windowStart);
        System.arraycopy(window, windowOffset + (int) (from - windowStart), target, n, (int) (position - from));
        carry = target;
        window = null;
    }
}
