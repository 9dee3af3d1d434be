package dev.machinist.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StartFilterTest {
    private static final byte[] ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=-_ \t.:\"'"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void blocksAndGramsFollowTheShortestPattern() {
        assertThat(StartFilter.of(new byte[0][], 1)).isNull();
        StartFilter longOnes = StartFilter.of(patterns(new Random(1), 50, 32, 48), 1);
        assertThat(longOnes.gramLength).isEqualTo(8);
        assertThat(longOnes.stride).isEqualTo(32 - 8 + 1);
        StartFilter medium = StartFilter.of(patterns(new Random(2), 50, 10, 40), 1);
        assertThat(medium.gramLength).isEqualTo(4);
        assertThat(medium.stride).isEqualTo(10 - 4 + 1);
        byte[][] ab = {"ab".getBytes(StandardCharsets.US_ASCII)};
        StartFilter tiny = StartFilter.of(ab, 1);
        assertThat(tiny.gramLength).isEqualTo(2);
        assertThat(tiny.stride).isEqualTo(1);
        assertThat(StartFilter.of(ab, StartFilter.DEFAULT_MINIMUM_STRIDE))
                .as("one-byte blocks are left to the automaton")
                .isNull();
    }

    /** The property the scanner relies on: a block holding the start of an occurrence is never excluded. */
    @Test
    void aBlockHoldingAnOccurrenceStartIsNeverExcluded() {
        Random random = new Random(3);
        for (int round = 0; round < 2_000; round++) {
            byte[][] patterns = patterns(random, 1 + random.nextInt(20), 4 + random.nextInt(30), 60);
            StartFilter filter = StartFilter.of(patterns, 1);
            byte[] pattern = patterns[random.nextInt(patterns.length)];
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            text.writeBytes(noise(random, random.nextInt(100)));
            int start = text.size();
            for (int k = 0; k < pattern.length; k++) {
                text.write(pattern[k]);
                if (k + 1 < pattern.length && random.nextInt(6) == 0) {
                    text.writeBytes(random.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
                }
            }
            text.writeBytes(noise(random, random.nextInt(40)));
            byte[] b = text.toByteArray();
            int blockStart = Math.max(0, start - random.nextInt(filter.stride));
            int verdict = filter.classify(b, blockStart, b.length);
            assertThat(verdict).as("round %d", round).isNotEqualTo(StartFilter.EXCLUDED);
            int skipFrom = blockStart - filter.stride * random.nextInt(1 + blockStart / filter.stride);
            int found = filter.skip(b, skipFrom, b.length);
            int stoppedAt = found >= 0 ? found : ~found;
            assertThat(stoppedAt).as("round %d", round).isLessThanOrEqualTo(blockStart);
        }
    }

    @Test
    void aSampleRunningPastTheWriteIsUnknown() {
        byte[][] patterns = patterns(new Random(4), 5, 20, 30);
        StartFilter filter = StartFilter.of(patterns, 1);
        byte[] text = noise(new Random(5), 200);
        int start = 200 - filter.stride - 3;
        assertThat(filter.classify(text, start, text.length)).isEqualTo(StartFilter.UNKNOWN);
        assertThat(filter.skip(text, start, text.length)).isEqualTo(~start);
    }

    /**
     * Without this the filter could answer "candidate" everywhere and every masking test would still pass:
     * on text that holds no pattern, 1,000 secrets' worth of patterns leave under 5% of the blocks to the
     * automaton.
     */
    @Test
    void mostBlocksOfUnrelatedTextAreExcluded() {
        Random random = new Random(6);
        StartFilter filter = StartFilter.of(patterns(random, 7_740, 32, 64), 1);
        byte[] text = noise(random, 1 << 20);
        int blocks = 0;
        int candidates = 0;
        for (int start = 0; start + 2 * filter.stride + 8 < text.length; start += filter.stride) {
            blocks++;
            if (filter.classify(text, start, text.length) == StartFilter.CANDIDATE) {
                candidates++;
            }
        }
        assertThat(candidates).isLessThan(blocks / 20);
    }

    private static byte[][] patterns(Random random, int count, int minLength, int maxLength) {
        byte[][] patterns = new byte[count][];
        for (int i = 0; i < count; i++) {
            patterns[i] = noiseWithoutBreaks(random, minLength + random.nextInt(maxLength - minLength + 1));
        }
        patterns[0] = noiseWithoutBreaks(random, minLength);
        return patterns;
    }

    private static byte[] noiseWithoutBreaks(Random random, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return b;
    }

    private static byte[] noise(Random random, int length) {
        byte[] b = noiseWithoutBreaks(random, length);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(60) == 0) {
                b[i] = '\n';
            }
        }
        return b;
    }
}
