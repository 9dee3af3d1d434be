package dev.machinist.core.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter (a random wait between half and all of the exponential step), so
 * that many CI jobs failing together do not retry in lockstep. A server's Retry-After wins when present,
 * capped at a minute so a job never hangs on a vendor's say-so.
 */
final class RetryPolicy {
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final int maxAttempts;
    private final Duration initial;
    private final Duration max;

    RetryPolicy(int maxAttempts, Duration initial, Duration max) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initial = initial;
        this.max = max;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    Duration delayFor(int attempt, Optional<String> retryAfter) {
        Optional<Duration> asked = retryAfter.flatMap(RetryPolicy::parseRetryAfter);
        if (asked.isPresent()) {
            Duration d = asked.get();
            return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
        }
        long step = initial.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(step, max.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    /** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
