package dev.machinist.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.core.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests: random hostile secrets, printed in random encodings (made by independent encoders)
 * among log noise, written in random chunkings and interleavings. Every run must produce exactly what the
 * naive {@link ReferenceMasker} produces over the whole text (so every non-secret byte is unchanged), and no
 * printed encoded form may survive. A case is one (text, chunking) pair; the suite runs well over a million.
 */
class MaskerPropertyTest {
    private static final byte[] REPLACEMENT = {7};
    private static final AtomicLong CASES = new AtomicLong();

    @AfterAll
    static void report() {
        System.out.println("MaskerPropertyTest: " + CASES.get() + " generated cases");
    }

    @Test
    void chunkedOutputEqualsTheReferenceAndLeaksNoForm() throws IOException {
        runSeeds(0, 2000, 10, 50);
    }

    /** Long secrets: the start filter skips blocks of many bytes, sampled across breaks and write ends. */
    @Test
    void longSecretsInLargeWritesAreFoundBetweenSkippedBlocks() throws IOException {
        long strided = 0;
        int eightByteGrams = 0;
        for (long seed = 100_000; seed < 101_000; seed++) {
            RandomSecrets gen = new RandomSecrets(seed, true);
            List<String> secrets = gen.secrets(new WeakPatternPolicy(4));
            Masker masker = masker(secrets, 1);
            StartFilter filter = masker.automaton().startFilter;
            // Shell and PowerShell pieces of a value can be short: most seeds still sample 8-byte grams.
            eightByteGrams += filter.gramLength == 8 ? 1 : 0;
            strided += filter.stride;
            checkTexts(gen, secrets, masker, seed, 10, 20);
        }
        assertThat(eightByteGrams).as("seeds sampling 8-byte grams").isGreaterThan(500);
        assertThat(strided / 1000).as("mean block length").isGreaterThanOrEqualTo(8);
    }

    @Test
    void interleavedStreamsKeepTheirOwnState() throws IOException {
        for (long seed = 50_000; seed < 50_300; seed++) {
            RandomSecrets gen = new RandomSecrets(seed);
            List<String> secrets = gen.secrets(new WeakPatternPolicy(4));
            Masker masker = masker(secrets, seed % 2 == 0 ? 1 : StartFilter.DEFAULT_MINIMUM_STRIDE);
            List<byte[]> patterns = masker.patterns();
            for (int t = 0; t < 10; t++) {
                byte[] a = gen.text(secrets, new ArrayList<>());
                byte[] b = gen.text(secrets, new ArrayList<>());
                byte[] expectedA = ReferenceMasker.mask(a, patterns, REPLACEMENT);
                byte[] expectedB = ReferenceMasker.mask(b, patterns, REPLACEMENT);
                for (int c = 0; c < 20; c++) {
                    ByteArrayOutputStream outA = new ByteArrayOutputStream();
                    ByteArrayOutputStream outB = new ByteArrayOutputStream();
                    OutputStream maskedA = masker.wrap(outA);
                    OutputStream maskedB = masker.wrap(outB);
                    int[] chunksA = gen.chunking(a.length);
                    int[] chunksB = gen.chunking(b.length);
                    int ia = 0, ib = 0, pa = 0, pb = 0;
                    while (ia < chunksA.length || ib < chunksB.length) {
                        if (ib >= chunksB.length
                                || (ia < chunksA.length && gen.random().nextBoolean())) {
                            maskedA.write(a, pa, chunksA[ia]);
                            pa += chunksA[ia++];
                        } else {
                            maskedB.write(b, pb, chunksB[ib]);
                            pb += chunksB[ib++];
                        }
                    }
                    maskedA.close();
                    maskedB.close();
                    assertThat(outA.toByteArray()).as("stream A, seed %d", seed).isEqualTo(expectedA);
                    assertThat(outB.toByteArray()).as("stream B, seed %d", seed).isEqualTo(expectedB);
                    CASES.addAndGet(2);
                }
            }
        }
    }

    static void runSeeds(long from, long to, int texts, int chunkings) throws IOException {
        for (long seed = from; seed < to; seed++) {
            RandomSecrets gen = new RandomSecrets(seed);
            List<String> secrets = gen.secrets(new WeakPatternPolicy(4));
            Masker masker = masker(secrets, seed % 2 == 0 ? 1 : StartFilter.DEFAULT_MINIMUM_STRIDE);
            checkTexts(gen, secrets, masker, seed, texts, chunkings);
        }
    }

    /** Random texts, each masked in random chunkings: every output must equal the reference's. */
    private static void checkTexts(
            RandomSecrets gen, List<String> secrets, Masker masker, long seed, int texts, int chunkings)
            throws IOException {
        List<byte[]> patterns = masker.patterns();
        for (int t = 0; t < texts; t++) {
            List<String> printed = new ArrayList<>();
            byte[] text = gen.text(secrets, printed);
            byte[] expected = ReferenceMasker.mask(text, patterns, REPLACEMENT);
            assertNoFormSurvives(expected, printed, seed);
            for (int c = 0; c < chunkings; c++) {
                byte[] actual = maskInChunks(masker, text, gen.chunking(text.length), gen);
                if (!Arrays.equals(actual, expected)) {
                    assertThat(new String(actual, StandardCharsets.UTF_8))
                            .as("seed %d text %d chunking %d", seed, t, c)
                            .isEqualTo(new String(expected, StandardCharsets.UTF_8));
                }
                CASES.incrementAndGet();
            }
        }
    }

    static Masker masker(List<String> secrets) {
        return masker(secrets, StartFilter.DEFAULT_MINIMUM_STRIDE);
    }

    /**
     * Short secrets leave blocks of one or two bytes, which the masker leaves to the automaton alone; half the
     * seeds force the start filter on anyway ({@code minimumStride} 1), so both paths meet every case.
     */
    static Masker masker(List<String> secrets, int minimumStride) {
        Masker masker = Masker.builder()
                .replacement(Replacement.of("\u0007"))
                .startFilterMinimumStride(minimumStride)
                .build();
        for (int i = 0; i < secrets.size(); i++) {
            masker.add(Secret.of("S" + i, secrets.get(i)));
        }
        return masker;
    }

    static byte[] maskInChunks(Masker masker, byte[] text, int[] chunks, RandomSecrets gen) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length);
        OutputStream masked = masker.wrap(out);
        int p = 0;
        for (int size : chunks) {
            masked.write(text, p, size);
            p += size;
            if (gen.random().nextInt(8) == 0) {
                masked.flush();
            }
        }
        masked.close();
        return out.toByteArray();
    }

    /** No printed form may be found in the output, even with line breaks ignored (as the scanner does). */
    static void assertNoFormSurvives(byte[] output, List<String> printed, long seed) {
        String[] segments = new String(output, StandardCharsets.UTF_8).split("[\r\n]{3,}");
        for (String segment : segments) {
            String projected = segment.replace("\r", "").replace("\n", "");
            for (String form : printed) {
                assertThat(projected)
                        .as("seed %d", seed)
                        .doesNotContain(form.replace("\r", "").replace("\n", ""));
            }
        }
    }
}
