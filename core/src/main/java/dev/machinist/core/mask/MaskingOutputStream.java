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
    private final MatchScanner scanner = new MatchScanner(this);

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

    MaskingOutputStream(Masker masker, OutputStream out, byte[] replacement) {
        this.masker = masker;
        this.out = Objects.requireNonNull(out, "out");
        this.replacement = replacement;
        scanner.reset(masker.automaton());
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
        if (current != scanner.automaton()) {
            rescanHeldBytes(current);
        }
        if (len == 0) {
            return;
        }
        window = b;
        windowOffset = off;
        windowStart = position;
        scanner.scan(b, off, len, windowStart - windowOffset);
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
        scanner.reset(scanner.automaton());
        out.flush();
    }

    /** New patterns arrived: re-read the held-back bytes with the new automaton (they may now match). */
    private void rescanHeldBytes(Automaton current) {
        scanner.reset(current);
        int held = (int) (position - emitted);
        window = carry;
        windowOffset = 0;
        windowStart = emitted;
        scanner.scan(carry, 0, held, windowStart);
    }

    /** The first byte that a future match could still cover: the start of the current partial match. */
    private long frontier() {
        int d = scanner.liveDepth();
        return d == 0 ? position : scanner.startOfSymbols(position - 1, d);
    }

    /** The byte at absolute position {@code p}, in the current write or among the held-back bytes. */
    int byteAt(long p) {
        if (p >= windowStart) {
            return window[windowOffset + (int) (p - windowStart)] & 0xff;
        }
        return carry[(int) (p - emitted)] & 0xff;
    }

    /** Marks [start, end) as covered by a match. */
    void cover(long start, long end) {
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
