package dev.machinist.core.mask;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which values are too weak to be masking patterns. Masking {@code test} or {@code 8080} everywhere
 * helps no one (the value is guessable) and tells every reader of the log what the secret was, because every
 * occurrence of the word turns into {@code ***}. Such a value is reported, not masked.
 *
 * <p>Weak: shorter than the minimum length (code points; default 4); a single character repeated; only
 * digits and shorter than 6 (PINs, ports, years); or one of a few words that appear in every build log.
 */
public final class WeakPatternPolicy {
    public static final int DEFAULT_MINIMUM_LENGTH = 4;
    static final int MINIMUM_NUMBER_LENGTH = 6;

    private static final Set<String> COMMON_WORDS = Set.of(
            "true",
            "false",
            "null",
            "none",
            "undefined",
            "test",
            "admin",
            "root",
            "user",
            "guest",
            "default",
            "localhost",
            "password",
            "secret",
            "changeme",
            "example");

    private final int minimumLength;

    /** The policy with the default minimum length. */
    public static WeakPatternPolicy defaults() {
        return new WeakPatternPolicy(DEFAULT_MINIMUM_LENGTH);
    }

    public WeakPatternPolicy(int minimumLength) {
        this.minimumLength = minimumLength;
    }

    public int minimumLength() {
        return minimumLength;
    }

    /** Why {@code value} must not be a pattern on its own, or empty when it is strong enough. */
    public Optional<String> weakness(String value) {
        if (value.isBlank()) {
            return Optional.of("is empty or only whitespace");
        }
        int length = value.codePointCount(0, value.length());
        if (length < minimumLength) {
            return Optional.of("is shorter than " + minimumLength + " characters");
        }
        if (oneCharacterRepeated(value)) {
            return Optional.of("repeats a single character");
        }
        if (length < MINIMUM_NUMBER_LENGTH && allDigits(value)) {
            return Optional.of("is a number shorter than " + MINIMUM_NUMBER_LENGTH + " digits");
        }
        if (COMMON_WORDS.contains(value.toLowerCase(Locale.ROOT))) {
            return Optional.of("is a common word");
        }
        return Optional.empty();
    }

    // Plain loops rather than streams: this runs for every secret while a cold JVM starts `run`.
    private static boolean oneCharacterRepeated(String value) {
        int first = value.codePointAt(0);
        for (int i = Character.charCount(first); i < value.length(); ) {
            int c = value.codePointAt(i);
            if (c != first) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static boolean allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** An encoded form of a strong value only needs the length check. */
    boolean formTooShort(byte[] form) {
        return form.length < minimumLength;
    }
}
