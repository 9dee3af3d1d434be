package dev.machinist.core.http;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The single HTTP client of the core: timeouts, retries with backoff and jitter, Retry-After, a response
 * size limit, plain HTTP only to loopback, and redirects followed by hand so that credentials never
 * travel to another origin.
 */
public final class HttpTransport {
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient client;
    private final HttpClientSettings settings;
    private final RetryPolicy retryPolicy;

    public HttpTransport(HttpClientSettings settings) {
        this.settings = settings;
        this.retryPolicy = new RetryPolicy(settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff());
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(LazyTrustManager.sslContext())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public static HttpTransport defaults() {
        return new HttpTransport(HttpClientSettings.defaults());
    }

    public HttpClientSettings settings() {
        return settings;
    }

    /**
     * Sends the call, retrying what is safe to retry, and returns the final response whatever its status.
     * Network failures that survive the retries become {@link ErrorKind#NETWORK} errors.
     */
    public HttpResult send(HttpCall call) {
        requireSafeTransport(call.uri());
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResult result = sendFollowingRedirects(call);
                boolean retry = RETRYABLE_STATUS.contains(result.status())
                        && (call.idempotent() || result.status() == 429 || result.status() == 503);
                if (retry && attempt < retryPolicy.maxAttempts()) {
                    Duration wait = retryPolicy.delayFor(attempt, result.header("Retry-After"));
                    debug("retry " + call + " after HTTP " + result.status() + " in " + wait.toMillis() + " ms");
                    pause(wait);
                    continue;
                }
                return result;
            } catch (IOException e) {
                boolean retry = (call.idempotent() || neverReachedServer(e)) && attempt < retryPolicy.maxAttempts();
                if (!retry) {
                    throw networkError(call, e, attempt);
                }
                Duration wait = retryPolicy.delayFor(attempt, java.util.Optional.empty());
                debug("retry " + call + " after " + e.getClass().getSimpleName() + " in " + wait.toMillis() + " ms");
                pause(wait);
            }
        }
    }

    private HttpResult sendFollowingRedirects(HttpCall call) throws IOException {
        HttpCall current = call;
        for (int hop = 0; ; hop++) {
            HttpResult result = sendOnce(current, call);
            if (!REDIRECTS.contains(result.status())
                    || result.header("Location").isEmpty()) {
                return result;
            }
            if (hop >= settings.maxRedirects()) {
                throw new MachinistException(
                        ErrorKind.MALFORMED_RESPONSE,
                        call.what() + ": too many redirects from " + call.uri().getHost() + ".");
            }
            URI next = current.uri().resolve(result.header("Location").get());
            current = redirected(current, next, result.status());
        }
    }

    private HttpCall redirected(HttpCall from, URI to, int status) {
        if ("https".equals(from.uri().getScheme()) && !"https".equals(to.getScheme())) {
            throw new MachinistException(
                    ErrorKind.MALFORMED_RESPONSE,
                    from.what() + ": " + from.uri().getHost() + " redirected to plain HTTP; refusing to follow.");
        }
        requireSafeTransport(to);
        Map<String, String> headers = new LinkedHashMap<>(from.headers());
        if (!sameOrigin(from.uri(), to)) {
            // Never hand a credential to a host the caller did not name.
            headers.keySet().removeIf(h -> HttpClientSettings.SENSITIVE_HEADERS.contains(h.toLowerCase(Locale.ROOT)));
            debug("redirect to another origin " + HttpClientSettings.redactedUri(to) + ": credentials dropped");
        }
        boolean keepsBody = status == 307 || status == 308;
        String method = keepsBody ? from.method() : "GET";
        return new HttpCall(method, to, headers, keepsBody ? from.body() : null, from.idempotent(), from.what());
    }

    private HttpResult sendOnce(HttpCall call, HttpCall original) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(settings.requestTimeout());
        call.headers().forEach(request::header);
        if (call.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("User-Agent"))) {
            request.header("User-Agent", "Machinist/" + Version.current());
        }
        request.method(
                call.method(),
                call.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        long start = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MachinistException(ErrorKind.NETWORK, call.what() + " was interrupted.");
        }
        byte[] body = readLimited(response.body(), original);
        debug(call + " -> " + response.statusCode() + " (" + body.length + " bytes, "
                + (System.nanoTime() - start) / 1_000_000 + " ms)");
        return new HttpResult(
                original, call.uri(), response.statusCode(), response.headers().map(), body);
    }

    private byte[] readLimited(InputStream in, HttpCall call) throws IOException {
        try (in) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxResponseBytes() + 1));
            if (body.length > settings.maxResponseBytes()) {
                throw new MachinistException(
                        ErrorKind.MALFORMED_RESPONSE,
                        call.what() + ": the response from " + call.uri().getHost() + " is larger than the limit of "
                                + settings.maxResponseBytes() + " bytes.");
            }
            return body;
        }
    }

    private static boolean neverReachedServer(IOException e) {
        return e instanceof ConnectException
                || e instanceof HttpConnectTimeoutException
                || e instanceof UnknownHostException
                || e.getCause() instanceof ConnectException;
    }

    private MachinistException networkError(HttpCall call, IOException e, int attempts) {
        String host = call.uri().getHost();
        String reason;
        if (e instanceof HttpConnectTimeoutException) {
            reason = "the connection to " + host + " timed out";
        } else if (e instanceof HttpTimeoutException) {
            return new MachinistException(
                    ErrorKind.VENDOR_UNAVAILABLE,
                    call.what() + " failed: " + host + " did not answer within "
                            + settings.requestTimeout().toSeconds() + " s (" + attempts + " attempt"
                            + (attempts == 1 ? "" : "s") + ").");
        } else if (e instanceof UnknownHostException) {
            reason = "the host name " + host + " could not be resolved";
        } else if (neverReachedServer(e)) {
            reason = "the connection to " + host + " was refused";
        } else if (e instanceof javax.net.ssl.SSLException) {
            reason = "the TLS handshake with " + host + " failed";
        } else {
            reason = "the connection to " + host + " failed (" + e.getClass().getSimpleName() + ")";
        }
        String tail = call.idempotent() || neverReachedServer(e)
                ? " after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                : "; it was not retried because it may already have taken effect";
        return new MachinistException(ErrorKind.NETWORK, call.what() + " failed: " + reason + tail + ".", null);
    }

    /** Credentials go over TLS, except to this machine (simulators, local proxies). */
    static void requireSafeTransport(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) return;
        if (scheme.equals("http") && isLoopback(uri.getHost())) return;
        throw new MachinistException(
                ErrorKind.USAGE,
                "Refusing to use " + HttpClientSettings.redactedUri(uri)
                        + ": tokens are only sent over https:// (plain http:// is allowed to loopback addresses only).");
    }

    static boolean isLoopback(String host) {
        if (host == null) return false;
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) return true;
        if (!h.matches("[0-9.]+") && !h.contains(":")) return false; // never resolve names for this decision
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI u) {
        if (u.getPort() != -1) return u.getPort();
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private void pause(Duration wait) {
        try {
            settings.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MachinistException(ErrorKind.NETWORK, "Interrupted while waiting to retry.");
        }
    }

    private void debug(String line) {
        settings.debugLog().accept(line);
    }
}
