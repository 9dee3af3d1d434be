package dev.machinist.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A secret value with a name that is safe to print. {@link #toString()} never shows the value; the only way
 * to read it is {@link #reveal()}, so every place that handles plaintext is easy to find with a search.
 *
 * <p>Java strings cannot be wiped, so this class does not pretend to zero memory; what it guarantees is that
 * the value never reaches a log, an exception message or a stack trace by accident.
 */
public final class Secret {
    private final String name;
    private final String value;

    private Secret(String name, String value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A secret called {@code name} (e.g. a variable name or "Pantheon session"), printable in messages. */
    public static Secret of(String name, String value) {
        return new Secret(name, value);
    }

    public String name() {
        return name;
    }

    /** The plaintext. Callers must not log it, put it in an exception or pass it on a command line. */
    public String reveal() {
        return value;
    }

    public byte[] revealUtf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** The same value under another name. */
    public Secret renamed(String newName) {
        return new Secret(newName, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.name.equals(name) && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[" + name + ", ****]";
    }
}
