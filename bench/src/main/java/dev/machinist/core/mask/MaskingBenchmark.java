package dev.machinist.core.mask;

import dev.machinist.core.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Masking throughput on a build-log corpus with 10, 100 and 1,000 secrets (every encoded form registered),
 * against (a) a plain copy of the same bytes, (b) Jenkins' one-alternation regex per line and (c) GitHub's
 * per-line indexOf loop. Each benchmark counts the bytes it processed ({@code bytes}, reported per second),
 * so the slow baselines can work on a prefix of the corpus and still be compared per byte.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MaskingBenchmark {
    private static final int CORPUS_BYTES = 4 << 20;
    private static final int CHUNK = 8192;

    @Param({"10", "100", "1000"})
    public int secrets;

    private byte[] corpus;
    private Masker masker;
    private Pattern alternation;
    private List<String> forms;
    private List<String> lines;
    private List<String> slowLines;
    private final CopySink sink = new CopySink();

    @Setup
    public void setUp() {
        List<String> values = BuildLogCorpus.secrets(secrets, 1);
        corpus = BuildLogCorpus.generate(CORPUS_BYTES, values, 2);
        masker = Masker.builder().build();
        for (int i = 0; i < values.size(); i++) {
            masker.add(Secret.of("S" + i, values.get(i)));
        }
        forms = masker.patterns().stream()
                .map(p -> new String(p, StandardCharsets.ISO_8859_1))
                .toList();
        alternation = LineMaskers.jenkinsAlternation(forms);
        lines = new ArrayList<>();
        for (String line : new String(corpus, StandardCharsets.ISO_8859_1).split("(?<=\n)")) {
            lines.add(line);
        }
        // The line-based baselines are orders of magnitude slower with many secrets: give them a prefix.
        int budget = Math.max(64 << 10, CORPUS_BYTES * 10 / secrets);
        slowLines = new ArrayList<>();
        int size = 0;
        for (String line : lines) {
            if (size >= budget) {
                break;
            }
            slowLines.add(line);
            size += line.length();
        }
        System.out.printf(
                "%n%d secrets, %d patterns, %d dense states, %d states%n",
                secrets, masker.patternCount(), masker.automaton().denseCount, masker.automaton().depth.length);
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Benchmark
    public void plainCopy(Bytes counter) throws IOException {
        for (int off = 0; off < corpus.length; off += CHUNK) {
            sink.write(corpus, off, Math.min(CHUNK, corpus.length - off));
        }
        counter.bytes += corpus.length;
    }

    @Benchmark
    public void machinistMasker(Bytes counter) throws IOException {
        OutputStream masked = masker.wrap(sink);
        for (int off = 0; off < corpus.length; off += CHUNK) {
            masked.write(corpus, off, Math.min(CHUNK, corpus.length - off));
        }
        masked.close();
        counter.bytes += corpus.length;
    }

    @Benchmark
    public void jenkinsRegexPerLine(Bytes counter) throws IOException {
        long n = 0;
        for (String line : slowLines) {
            byte[] masked = alternation.matcher(line).replaceAll("****").getBytes(StandardCharsets.ISO_8859_1);
            sink.write(masked, 0, masked.length);
            n += line.length();
        }
        counter.bytes += n;
    }

    @Benchmark
    public void githubIndexOfPerLine(Bytes counter) throws IOException {
        long n = 0;
        for (String line : slowLines) {
            byte[] masked = LineMaskers.githubMaskLine(line, forms).getBytes(StandardCharsets.ISO_8859_1);
            sink.write(masked, 0, masked.length);
            n += line.length();
        }
        counter.bytes += n;
    }

    /** A sink that really copies the bytes (into a ring buffer), so the plain copy is not optimised away. */
    static final class CopySink extends OutputStream {
        private final byte[] ring = new byte[1 << 20];
        private int at;

        @Override
        public void write(int b) {
            ring[at] = (byte) b;
            at = (at + 1) & (ring.length - 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                int n = Math.min(len, ring.length - at);
                System.arraycopy(b, off, ring, at, n);
                at = (at + n) & (ring.length - 1);
                off += n;
                len -= n;
            }
        }

        @Override
        public void close() {}
    }
}
