package dev.machinist.core.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How an expiry is shown to people, the same in the CLI, the Action's summary and Jenkins. */
public final class Expiry {
    private Expiry() {}

    /** E.g. "2026-11-23T08:00:00Z (in 59 min)", "… (already expired)", or that the vendor does not say. */
    public static String describe(Optional<Instant> at, Instant now) {
        if (at.isEmpty()) return "at a time the vendor does not state";
        Duration left = Duration.between(now, at.get());
        if (left.isNegative()) return at.get() + " (already expired)";
        return at.get() + " (in " + human(left) + ")";
    }

    /** A duration in the largest unit that keeps it readable: s, min, h or days. */
    public static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) return s + " s";
        if (s < 7200) return (s / 60) + " min";
        if (s < 172800) return (s / 3600) + " h";
        return (s / 86400) + " days";
    }
}
