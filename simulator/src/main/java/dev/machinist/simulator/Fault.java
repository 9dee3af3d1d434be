package dev.machinist.simulator;

import java.time.Duration;
import java.util.Map;

/**
 * A failure to inject into a route: a status with a body, a delay before the real answer, a dropped
 * connection, a body cut short, or a 429 with Retry-After. {@code times} says for how many requests.
 */
public record Fault(Kind kind, int status, String contentType, String body, Duration delay, int times) {
    public enum Kind {
        STATUS,
        DELAY,
        DROP_CONNECTION,
        TRUNCATED_BODY,
        RATE_LIMIT
    }

    public static Fault status(int status, String contentType, String body) {
        return new Fault(Kind.STATUS, status, contentType, body, Duration.ZERO, 1);
    }

    public static Fault status(int status) {
        return status(status, "application/json", "{\"message\":\"simulated failure\"}");
    }

    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, null, null, delay, 1);
    }

    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, null, null, Duration.ZERO, 1);
    }

    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, 0, null, null, Duration.ZERO, 1);
    }

    /** 429 with {@code Retry-After: seconds}. */
    public static Fault rateLimit(int retryAfterSeconds) {
        return new Fault(
                Kind.RATE_LIMIT,
                429,
                "application/json",
                "{\"message\":\"rate limited\"}",
                Duration.ofSeconds(retryAfterSeconds),
                1);
    }

    public Fault times(int n) {
        return new Fault(kind, status, contentType, body, delay, n);
    }

    /** Reads a fault from the control endpoint's JSON, e.g. {"kind":"STATUS","status":500,"times":2}. */
    static Fault fromMap(Map<String, Object> m) {
        Kind kind = Kind.valueOf(String.valueOf(m.getOrDefault("kind", "STATUS")));
        int status = ((Number) m.getOrDefault("status", kind == Kind.RATE_LIMIT ? 429 : 500)).intValue();
        String contentType = String.valueOf(m.getOrDefault("contentType", "application/json"));
        String body = String.valueOf(m.getOrDefault("body", "{\"message\":\"simulated failure\"}"));
        long millis = ((Number) m.getOrDefault("delayMillis", 0)).longValue();
        if (kind == Kind.RATE_LIMIT && m.containsKey("retryAfter")) {
            millis = ((Number) m.get("retryAfter")).longValue() * 1000;
        }
        int times = ((Number) m.getOrDefault("times", 1)).intValue();
        return new Fault(kind, status, contentType, body, Duration.ofMillis(millis), times);
    }
}
