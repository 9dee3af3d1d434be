package dev.machinist.core.mask;

import dev.machinist.core.MachinistException;
import java.nio.charset.StandardCharsets;

/** What a masked run of bytes is replaced with. Pick the host CI's convention so logs look familiar. */
public final class Replacement {
    /** GitHub Actions' runner. */
    public static final Replacement GITHUB = new Replacement("***");
    /** Jenkins credentials-binding. */
    public static final Replacement JENKINS = new Replacement("****");
    /** GitLab runner. */
    public static final Replacement GITLAB = new Replacement("[MASKED]");

    private final String text;

    private Replacement(String text) {
        this.text = text;
    }

    /**
     * A custom replacement. It must be non-empty (an empty one would hide that anything was masked) and a single
     * line (masking never changes the number of lines in a log).
     */
    public static Replacement of(String text) {
        if (text == null || text.isEmpty()) {
            throw MachinistException.usage("The mask replacement must not be empty.");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw MachinistException.usage("The mask replacement must be a single line.");
        }
        return new Replacement(text);
    }

    /** {@code github}, {@code jenkins}, {@code gitlab}, or any other text used literally. */
    public static Replacement named(String nameOrText) {
        return switch (nameOrText == null ? "" : nameOrText.toLowerCase(java.util.Locale.ROOT)) {
            case "github" -> GITHUB;
            case "jenkins" -> JENKINS;
            case "gitlab" -> GITLAB;
            default -> of(nameOrText);
        };
    }

    public String text() {
        return text;
    }

    byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text;
    }
}
