package dev.machinist.core.binding;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of "Test connection": who the token belongs to and when the login and the token expire, as the
 * Jenkins form (or any host) shows it. Holds no credential.
 */
public record ConnectionReport(
        String vendor,
        String vendorName,
        String identityId,
        String identityName,
        Map<String, String> attributes,
        Optional<Instant> expiresAt,
        Optional<Instant> tokenExpiresAt,
        Instant checkedAt) {

    public ConnectionReport {
        attributes = Map.copyOf(attributes);
    }

    /** One line, e.g. "Pantheon: logged in as CI Bot (0f3e…); login expires 2026-11-23T08:00:00Z (in 59 min)." */
    public String summary() {
        StringBuilder s =
                new StringBuilder(vendorName).append(": logged in as ").append(identityName);
        if (!identityName.equals(identityId)) s.append(" (").append(identityId).append(')');
        s.append("; login expires ").append(describe(expiresAt, checkedAt));
        tokenExpiresAt.ifPresent(t -> s.append("; token expires ").append(describe(Optional.of(t), checkedAt)));
        return s.append('.').toString();
    }

    static String describe(Optional<Instant> at, Instant now) {
        if (at.isEmpty()) return "at a time the vendor does not state";
        Duration left = Duration.between(now, at.get());
        if (left.isNegative()) return at.get() + " (already expired)";
        return at.get() + " (in " + human(left) + ")";
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) return s + " s";
        if (s < 7200) return (s / 60) + " min";
        if (s < 172800) return (s / 3600) + " h";
        return (s / 86400) + " days";
    }
}
