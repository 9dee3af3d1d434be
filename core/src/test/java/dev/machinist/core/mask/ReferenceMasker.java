package dev.machinist.core.mask;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A deliberately simple masker over a whole text, written from the specification in docs/masking.md and
 * sharing no code with the scanner: split the text at runs of three or more line-break bytes (no match spans
 * them), drop the line breaks inside each segment, find every occurrence of every pattern with
 * {@link String#indexOf}, mark the covered bytes, then write line breaks as they are, uncovered bytes as they
 * are and each run of covered bytes between line breaks as one replacement.
 */
final class ReferenceMasker {
    private ReferenceMasker() {}

    static byte[] mask(byte[] text, List<byte[]> patterns, byte[] replacement) {
        boolean[] covered = coverage(text, patterns);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length);
        boolean inRun = false;
        for (int i = 0; i < text.length; i++) {
            byte b = text[i];
            if (b == '\n' || b == '\r') {
                out.write(b);
                inRun = false;
            } else if (!covered[i]) {
                out.write(b);
                inRun = false;
            } else if (!inRun) {
                out.writeBytes(replacement);
                inRun = true;
            }
        }
        return out.toByteArray();
    }

    static boolean[] coverage(byte[] text, List<byte[]> patterns) {
        boolean[] covered = new boolean[text.length];
        int segmentStart = 0;
        int i = 0;
        while (i < text.length) {
            if (isBreak(text[i])) {
                int j = i;
                while (j < text.length && isBreak(text[j])) {
                    j++;
                }
                if (j - i >= 3) {
                    coverSegment(text, segmentStart, i, patterns, covered);
                    segmentStart = j;
                }
                i = j;
            } else {
                i++;
            }
        }
        coverSegment(text, segmentStart, text.length, patterns, covered);
        return covered;
    }

    private static void coverSegment(byte[] text, int from, int to, List<byte[]> patterns, boolean[] covered) {
        int[] positions = new int[to - from];
        byte[] symbols = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!isBreak(text[i])) {
                positions[n] = i;
                symbols[n++] = text[i];
            }
        }
        String projected = new String(symbols, 0, n, StandardCharsets.ISO_8859_1);
        for (byte[] p : patterns) {
            String pattern = new String(p, StandardCharsets.ISO_8859_1);
            for (int at = projected.indexOf(pattern); at >= 0; at = projected.indexOf(pattern, at + 1)) {
                for (int k = positions[at]; k <= positions[at + p.length - 1]; k++) {
                    covered[k] = true;
                }
            }
        }
    }

    static boolean isBreak(byte b) {
        return b == '\n' || b == '\r';
    }
}
