package dev.machinist.core.http;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How the one HTTP client behaves. Defaults suit CI: a vendor that does not answer in 30 s is treated as
 * down, transient failures are retried four times (about 15 s in all), and no response over 16 MiB is read.
 */
public record HttpClientSettings(
        Duration connectTimeout,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        long maxResponseBytes,
        int maxRedirects,
        Consumer<String> debugLog,
        Sleeper sleeper) {

    /** Headers that carry credentials: never logged, dropped on a redirect to another origin. */
    public static final Set<String> SENSITIVE_HEADERS = Set.of(
            "authorization", "private-token", "job-token", "cookie", "x-pantheon-session", "proxy-authorization");

    public static HttpClientSettings defaults() {
        return new HttpClientSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                5,
                Duration.ofMillis(500),
                Duration.ofSeconds(8),
                16L * 1024 * 1024,
                5,
                line -> {},
                Sleeper.REAL);
    }

    public HttpClientSettings withDebugLog(Consumer<String> log) {
        return new HttpClientSettings(
                connectTimeout,
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxResponseBytes,
                maxRedirects,
                log,
                sleeper);
    }

    public HttpClientSettings withRetries(int attempts, Duration initial, Duration max) {
        return new HttpClientSettings(
                connectTimeout,
                requestTimeout,
                attempts,
                initial,
                max,
                maxResponseBytes,
                maxRedirects,
                debugLog,
                sleeper);
    }

    public HttpClientSettings withTimeouts(Duration connect, Duration request) {
        return new HttpClientSettings(
                connect,
                request,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxResponseBytes,
                maxRedirects,
                debugLog,
                sleeper);
    }

    public HttpClientSettings withMaxResponseBytes(long bytes) {
        return new HttpClientSettings(
                connectTimeout,
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                bytes,
                maxRedirects,
                debugLog,
                sleeper);
    }

    public HttpClientSettings withSleeper(Sleeper s) {
        return new HttpClientSettings(
                connectTimeout,
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxResponseBytes,
                maxRedirects,
                debugLog,
                s);
    }

    /** The URI without its query string and user info, which may carry tokens. */
    public static String redactedUri(URI uri) {
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?…";
        return uri.getScheme() + "://" + uri.getHost() + port + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + query;
    }

    /** Waits between retries; tests substitute one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }
}
