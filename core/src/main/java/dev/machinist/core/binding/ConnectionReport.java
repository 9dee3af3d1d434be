package dev.machinist.core.binding;

import dev.machinist.core.provider.Expiry;
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
        return Expiry.describe(at, now);
    }
}
