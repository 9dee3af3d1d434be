package dev.machinist.core.mask;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A sampled q-gram filter that proves, for most of a log, that no pattern occurrence can start in a block of
 * bytes, so the scanner skips the block without running the automaton over it.
 *
 * <p>Every pattern is at least {@code m} bytes long. The text is cut into blocks of {@code s = m - q + 1}
 * bytes, and each block is checked once, with the q bytes that follow its last position ({@code q <= 8}, line
 * breaks left out). An occurrence starting anywhere in the block covers those q bytes — line breaks inside a
 * match are skipped by the scanner, so they are skipped here too — and they are then the pattern's q-gram at
 * some offset {@code 0..s-1}. All those q-grams of all patterns are in a blocked Bloom filter, backed by
 * the exact set ({@link GramTable}) for the rare sample the Bloom filter lets through; a block whose sample
 * is not a pattern's q-gram cannot hold the start of an occurrence. The filter never excludes a block that
 * holds one; a sample that is a q-gram of some pattern where the whole pattern is not there makes the
 * automaton run over a block for nothing, which is rare in a log. With 32-byte secrets this reads one word
 * per 25 bytes instead of running the automaton over each byte.
 */
final class StartFilter {
    /** {@link #classify}: the block may hold the start of an occurrence. */
    static final int CANDIDATE = 1;
    /** {@link #classify}: no occurrence starts in the block. */
    static final int EXCLUDED = 0;
    /** {@link #classify}: the write ends before the sample; the caller treats the rest as a candidate. */
    static final int UNKNOWN = -1;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** A byte below 0x10 (a control character: CR, LF, but also TAB) sends the sample to the slow path. */
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;

    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;

    private static final long MIX = 0x9E3779B97F4A7C15L;
    /** Bloom bits per inserted q-gram (two set per gram): about 1% of samples go on to the exact table. */
    private static final int BITS_PER_GRAM = 16;
    /** 2^17 words: 1 MB, the most a filter may take (reached at about 1,000 32-byte secrets). */
    private static final int MAX_WORD_BITS = 17;

    final int stride;
    final int gramLength;
    private final long gramMask;
    private final long controlMask;
    private final long[] words;
    private final GramTable exact;
    private final int wordShift;

    private StartFilter(int stride, int gramLength, int wordBits, long grams) {
        this.exact = new GramTable(grams);
        this.stride = stride;
        this.gramLength = gramLength;
        this.gramMask = gramLength == 8 ? -1L : (1L << (8 * gramLength)) - 1;
        this.controlMask = HIGHS & gramMask;
        this.words = new long[1 << wordBits];
        this.wordShift = 64 - wordBits;
    }

    /**
     * Below this block length the automaton alone is faster: its root prefilter checks a byte pair in an
     * L1-resident bitset, where a one- or two-byte block costs a Bloom lookup per byte or two.
     */
    static final int DEFAULT_MINIMUM_STRIDE = 3;

    /**
     * A filter for patterns that are all non-empty and free of line breaks; none when there are no patterns
     * or when they are so short that blocks would be under {@code minimumStride} bytes.
     */
    static StartFilter of(byte[][] patterns, int minimumStride) {
        if (patterns.length == 0) {
            return null;
        }
        int shortest = Integer.MAX_VALUE;
        for (byte[] p : patterns) {
            shortest = Math.min(shortest, p.length);
        }
        // 8-byte grams once blocks stay long; 4-byte grams keep blocks long for medium patterns.
        int q = shortest >= 16 ? 8 : Math.min(4, shortest);
        int stride = shortest - q + 1;
        if (stride < minimumStride) {
            return null;
        }
        long grams = (long) patterns.length * stride;
        int wordBits = 6;
        while (wordBits < MAX_WORD_BITS && (1L << wordBits) * 64 < grams * BITS_PER_GRAM) {
            wordBits++;
        }
        StartFilter filter = new StartFilter(stride, q, wordBits, grams);
        for (byte[] p : patterns) {
            for (int offset = 0; offset < stride; offset++) {
                filter.add(gram(p, offset, q));
            }
        }
        return filter;
    }

    /**
     * Skips blocks from {@code from} (a block start): returns the start of the first block that may hold the
     * start of an occurrence, or {@code ~start} of the first block whose sample runs past {@code end}.
     */
    int skip(byte[] b, int from, int end) {
        int i = from;
        while (true) {
            int verdict = classify(b, i, end);
            if (verdict == CANDIDATE) {
                return i;
            }
            if (verdict == UNKNOWN) {
                return ~i;
            }
            i += stride;
        }
    }

    /** Classifies the block that starts at {@code start}. */
    int classify(byte[] b, int start, int end) {
        int last = start + stride - 1;
        if (last + 8 <= end) {
            long g = (long) LONG.get(b, last) & gramMask;
            long high = g & HIGH_NIBBLES;
            if (((high - ONES) & ~high & controlMask) == 0) {
                return mightContain(g) ? CANDIDATE : EXCLUDED;
            }
        }
        return classifyWithBreaks(b, last, end);
    }

    /**
     * The sample holds a control character: rebuild it without line breaks, a word at a time (one sample in
     * about thirteen of a build log has a line break in it). {@link #UNKNOWN} when {@code b} ends first.
     */
    private int classifyWithBreaks(byte[] b, int last, int end) {
        if (last + 9 <= end) {
            // The common case, one line break (or a TAB, which stays): splice the word after it in, no loop.
            long w = (long) LONG.get(b, last);
            long before = lowBytes(plainBytesBeforeBreak(w));
            long spliced = ((w & before) | ((long) LONG.get(b, last + 1) & ~before)) & gramMask;
            if (plainBytesBeforeBreak(spliced) >= gramLength) {
                return mightContain(spliced) ? CANDIDATE : EXCLUDED;
            }
        }
        long g = 0;
        int n = 0;
        int p = last;
        while (n < gramLength) {
            if (p + 8 > end) {
                return classifyByteByByte(b, p, end, g, n);
            }
            long w = (long) LONG.get(b, p);
            int plain = plainBytesBeforeBreak(w);
            int take = Math.min(plain, gramLength - n);
            g |= (w & lowBytes(take)) << (8 * n);
            n += take;
            p += take + (take == plain ? 1 : 0);
        }
        return mightContain(g) ? CANDIDATE : EXCLUDED;
    }

    /** The tail of a write, where a word would run past its end. */
    private int classifyByteByByte(byte[] b, int p, int end, long g, int n) {
        for (int i = p; i < end && n < gramLength; i++) {
            int c = b[i] & 0xff;
            if (!Automaton.isLineBreak(c)) {
                g |= (long) c << (8 * n++);
            }
        }
        if (n < gramLength) {
            return UNKNOWN;
        }
        return mightContain(g) ? CANDIDATE : EXCLUDED;
    }

    /**
     * How many bytes of {@code w} (little-endian) come before its first CR or LF; 8 when there is none. The
     * zero-byte test may flag bytes above a real zero, never below one, so the lowest flag is exact.
     */
    private static int plainBytesBeforeBreak(long w) {
        long lf = w ^ LFS;
        long cr = w ^ CRS;
        long flags = (((lf - ONES) & ~lf) | ((cr - ONES) & ~cr)) & HIGHS;
        return Long.numberOfTrailingZeros(flags) >>> 3;
    }

    private static long lowBytes(int count) {
        return count == 8 ? -1L : (1L << (8 * count)) - 1;
    }

    private void add(long gram) {
        long h = hash(gram);
        words[(int) (h >>> wordShift)] |= bits(h);
        exact.add(gram);
    }

    boolean mightContain(long gram) {
        long h = hash(gram);
        long bits = bits(h);
        return (words[(int) (h >>> wordShift)] & bits) == bits && exact.contains(gram);
    }

    private static long hash(long gram) {
        long h = gram * MIX;
        return h ^ (h >>> 29);
    }

    /** Two bits of one word (a blocked Bloom filter: one memory access per test). */
    private static long bits(long h) {
        return (1L << (int) h) | (1L << (int) (h >>> 6));
    }

    private static long gram(byte[] p, int offset, int q) {
        long g = 0;
        for (int k = 0; k < q; k++) {
            g |= (long) (p[offset + k] & 0xff) << (8 * k);
        }
        return g;
    }
}
