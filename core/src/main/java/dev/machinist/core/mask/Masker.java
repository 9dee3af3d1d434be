package dev.machinist.core.mask;

import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The streaming secret masker. Register secrets with {@link #add(Secret)} (or hand {@link #sink()} to a
 * provider so derived tokens are registered the moment they exist), then write output through
 * {@link #wrap(OutputStream)}. Each secret is masked as its value, its value trimmed of quotes and
 * whitespace, each line of a multi-line value, and every encoded form of each (see docs/masking.md).
 *
 * <p>Thread-safe: secrets may be added while wrapped streams are being written from other threads; a stream
 * picks up new patterns at its next write and re-checks the bytes it is still holding back.
 */
public final class Masker {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private final Replacement replacement;
    private final WeakPatternPolicy policy;
    private final Consumer<MaskWarning> warnings;
    private final int minimumStride;

    /** Patterns as ISO-8859-1 strings (one char per byte): cheap to hash and compare. */
    private final Set<String> patterns = new LinkedHashSet<>();

    private volatile Automaton automaton = Automaton.EMPTY;
    private volatile boolean stale;

    private Masker(Builder builder) {
        this.replacement = builder.replacement;
        this.policy = new WeakPatternPolicy(builder.minimumLength);
        this.warnings = builder.warnings;
        this.minimumStride = builder.minimumStride;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers {@code secret} and all its forms. Returns a warning for the value or each line that is too
     * weak to mask on its own (such parts are not masked); the warnings name the secret, never the value.
     */
    public List<MaskWarning> add(Secret secret) {
        Objects.requireNonNull(secret, "secret");
        List<MaskWarning> found = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String value = secret.reveal();
        // No lambdas or streams on this path: it runs for every secret while a cold JVM starts `run`.
        Optional<String> weak = policy.weakness(value);
        if (weak.isPresent()) {
            found.add(new MaskWarning(
                    secret.name(),
                    "The value of secret " + secret.name() + " " + weak.get()
                            + ", so it is not masked: use a stronger secret."));
        } else {
            values.add(value);
        }
        String trimmed = trim(value);
        if (!trimmed.equals(value) && policy.weakness(trimmed).isEmpty()) {
            values.add(trimmed);
        }
        String[] lines = LINE_BREAK.split(value, -1);
        if (lines.length > 1) {
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                Optional<String> weakLine = policy.weakness(line);
                if (weakLine.isPresent()) {
                    found.add(new MaskWarning(
                            secret.name(),
                            "Line " + (i + 1) + " of secret " + secret.name() + " " + weakLine.get()
                                    + ", so it is not masked on its own (the whole value still is)."));
                } else {
                    values.add(line);
                }
            }
        }
        synchronized (this) {
            for (String v : values) {
                for (byte[] form : EncodedForms.of(v).values()) {
                    byte[] pattern = withoutLineBreaks(form);
                    if (!policy.formTooShort(pattern)) {
                        patterns.add(new String(pattern, StandardCharsets.ISO_8859_1));
                    }
                }
            }
            stale = true;
        }
        return found;
    }

    public List<MaskWarning> addAll(Collection<Secret> secrets) {
        List<MaskWarning> all = new ArrayList<>();
        secrets.forEach(s -> all.addAll(add(s)));
        return all;
    }

    /**
     * A sink that registers every secret it receives and reports weak ones to the builder's warning
     * listener. Give it to providers so sessions and access tokens are masked as soon as they are minted.
     */
    public SecretSink sink() {
        return secret -> add(secret).forEach(warnings);
    }

    /**
     * A stream that masks what is written to it and writes the result to {@code out}. Each wrapped stream
     * keeps its own partial-match state. {@code flush()} writes everything that can no longer be part of a
     * match (that already happens at the end of each write); {@code close()} writes the rest and closes
     * {@code out}.
     */
    public OutputStream wrap(OutputStream out) {
        return new MaskingOutputStream(this, out, replacement.bytes());
    }

    /** Masks a whole string at once, e.g. an error message from a vendor before it is shown. */
    public String maskString(String text) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(text.length() + 16);
        try (OutputStream masked = wrap(buffer)) {
            masked.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    public Replacement replacement() {
        return replacement;
    }

    /** Number of distinct byte patterns (all forms of all secrets), for diagnostics and benchmarks. */
    public synchronized int patternCount() {
        return patterns.size();
    }

    /** The registered patterns, for tests that check the scanner against a naive reference. */
    synchronized List<byte[]> patterns() {
        return patterns.stream()
                .map(p -> p.getBytes(StandardCharsets.ISO_8859_1))
                .toList();
    }

    /**
     * Builds the matcher for the secrets added so far now, instead of at the next write (e.g. while a child
     * process starts, before its first output).
     */
    public void compile() {
        automaton();
    }

    /** The current automaton, rebuilt once after any number of additions. */
    Automaton automaton() {
        if (stale) {
            synchronized (this) {
                if (stale) {
                    // A loop, not a stream: a cold JVM pays ~20 ms to bootstrap the stream's lambdas.
                    byte[][] all = new byte[patterns.size()][];
                    int i = 0;
                    for (String p : patterns) {
                        all[i++] = p.getBytes(StandardCharsets.ISO_8859_1);
                    }
                    automaton = AutomatonBuilder.build(all, all.length, minimumStride);
                    stale = false;
                }
            }
        }
        return automaton;
    }

    /** Surrounding whitespace, then one pair of matching surrounding quotes, then whitespace again. */
    static String trim(String value) {
        String v = value.strip();
        if (v.length() >= 2) {
            char first = v.charAt(0);
            if ((first == '"' || first == '\'') && v.charAt(v.length() - 1) == first) {
                v = v.substring(1, v.length() - 1).strip();
            }
        }
        return v;
    }

    private static byte[] withoutLineBreaks(byte[] form) {
        int n = 0;
        byte[] out = new byte[form.length];
        for (byte b : form) {
            if (b != '\n' && b != '\r') {
                out[n++] = b;
            }
        }
        return n == form.length ? form : java.util.Arrays.copyOf(out, n);
    }

    public static final class Builder {
        private Replacement replacement = Replacement.GITHUB;
        private int minimumLength = WeakPatternPolicy.DEFAULT_MINIMUM_LENGTH;
        private Consumer<MaskWarning> warnings = w -> {};
        private int minimumStride = StartFilter.DEFAULT_MINIMUM_STRIDE;

        private Builder() {}

        public Builder replacement(Replacement replacement) {
            this.replacement = Objects.requireNonNull(replacement, "replacement");
            return this;
        }

        /** Values, lines and encoded forms shorter than this (in characters) are not patterns. Default 4. */
        public Builder minimumLength(int minimumLength) {
            if (minimumLength < 1) {
                throw dev.machinist.core.MachinistException.usage(
                        "The minimum mask length must be at least 1, got " + minimumLength + ".");
            }
            this.minimumLength = minimumLength;
            return this;
        }

        /** Where {@link #sink()} reports weak secrets (e.g. the CI's warning annotation). */
        public Builder warnings(Consumer<MaskWarning> warnings) {
            this.warnings = Objects.requireNonNull(warnings, "warnings");
            return this;
        }

        /** Tests lower this to 1 to run the start filter with one-byte blocks, which it never uses for speed. */
        Builder startFilterMinimumStride(int minimumStride) {
            this.minimumStride = minimumStride;
            return this;
        }

        public Masker build() {
            return new Masker(this);
        }
    }
}
