package dev.machinist.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.simulator.Fault;
import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimResponse;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.VendorSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
    private SimulatorServer server;
    private SimulatorServer otherOrigin;
    private final List<Duration> waits = new ArrayList<>();
    private HttpTransport http;
    private final AtomicInteger postCount = new AtomicInteger();

    /** A tiny API: /ok answers JSON, /big answers 2 KiB, /post counts, /redirect-* redirect. */
    private final class EchoApi implements VendorSimulator {
        private final String other;

        EchoApi(String other) {
            this.other = other;
        }

        @Override
        public String key() {
            return "echo";
        }

        @Override
        public void install(Router router, URI base) {
            router.add(
                    "echo.ok",
                    "GET",
                    "/ok",
                    r -> SimResponse.json(
                            200, Map.of("auth", r.header("Authorization").orElse("none"))));
            router.add("echo.big", "GET", "/big", r -> SimResponse.text(200, "text/plain", "x".repeat(2048)));
            router.add("echo.post", "POST", "/post", r -> {
                postCount.incrementAndGet();
                return SimResponse.json(200, Map.of("ok", true));
            });
            router.add(
                    "echo.status",
                    "GET",
                    "/status/{code}",
                    r -> SimResponse.json(Integer.parseInt(r.param(0)), Map.of("message", "vendor says no")));
            router.add("echo.redirect-same", "GET", "/redirect-same", r -> SimResponse.empty(302)
                    .withHeader("Location", "/ok"));
            router.add("echo.redirect-other", "GET", "/redirect-other", r -> SimResponse.empty(302)
                    .withHeader("Location", other + "/ok"));
            router.add("echo.loop", "GET", "/loop", r -> SimResponse.empty(302).withHeader("Location", "/loop"));
        }

        @Override
        public Map<String, Object> describe(URI base) {
            return Map.of();
        }
    }

    @BeforeEach
    void start() throws Exception {
        otherOrigin = SimulatorServer.start(0);
        otherOrigin.with(new EchoApi(""));
        server = SimulatorServer.start(0);
        server.with(new EchoApi(otherOrigin.baseUri().toString()));
        http = new HttpTransport(HttpClientSettings.defaults()
                .withSleeper(waits::add)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(800))
                .withMaxResponseBytes(1024));
    }

    @AfterEach
    void stop() {
        server.close();
        otherOrigin.close();
    }

    private URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    @Test
    void retriesIdempotentCallOn503ThenSucceeds() {
        server.faults().inject("echo.ok", Fault.status(503).times(2));
        HttpResult result = http.send(HttpCall.get(uri("/ok")).build());
        assertThat(result.status()).isEqualTo(200);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(500)); // second step is at least half of 1 s
    }

    @Test
    void honoursRetryAfterOn429() {
        server.faults().inject("echo.ok", Fault.rateLimit(3));
        assertThat(http.send(HttpCall.get(uri("/ok")).build()).status()).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterHttpDateIsUnderstoodAndCapped() {
        assertThat(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(policy.delayFor(1, java.util.Optional.of("86400"))).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
    }

    @Test
    void givesUpAfterMaxAttemptsAndClassifiesAsUnavailable() {
        server.faults().inject("echo.ok", Fault.status(502).times(10));
        HttpResult result = http.send(HttpCall.get(uri("/ok")).what("Test call").build());
        assertThat(result.status()).isEqualTo(502);
        assertThat(waits).hasSize(4);
        assertThatThrownBy(result::requireSuccess)
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining("Test call failed")
                .hasMessageContaining("HTTP 502")
                .satisfies(e -> assertThat(((MachinistException) e).kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE));
    }

    @Test
    void nonIdempotentPostIsNotRetriedOn502() {
        server.faults().inject("echo.post", Fault.status(502));
        HttpResult result = http.send(HttpCall.post(uri("/post")).json("{}").build());
        assertThat(result.status()).isEqualTo(502);
        assertThat(waits).isEmpty();
    }

    @Test
    void nonIdempotentPostIsNotRetriedWhenTheConnectionDrops() {
        server.faults().inject("echo.post", Fault.dropConnection());
        assertThatThrownBy(() -> http.send(
                        HttpCall.post(uri("/post")).json("{}").what("Create").build()))
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining("not retried because it may already have taken effect")
                .satisfies(e -> assertThat(((MachinistException) e).kind()).isEqualTo(ErrorKind.NETWORK));
        assertThat(waits).isEmpty();
    }

    @Test
    void idempotentCallIsRetriedAfterDroppedConnectionAndTruncatedBody() {
        // The JDK client may itself retry a GET once on a dropped connection, so count our waits loosely.
        server.faults().inject("echo.ok", Fault.dropConnection().times(3));
        assertThat(http.send(HttpCall.get(uri("/ok")).build()).status()).isEqualTo(200);
        assertThat(waits).isNotEmpty();
        waits.clear();
        server.faults().inject("echo.ok", Fault.truncatedBody());
        assertThat(http.send(HttpCall.get(uri("/ok")).build()).status()).isEqualTo(200);
        assertThat(waits).hasSize(1);
    }

    @Test
    void connectionRefusedIsANetworkErrorNamingTheHost() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/x");
        assertThatThrownBy(() -> http.send(HttpCall.post(closed).what("Login").build()))
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining("Login failed: the connection to 127.0.0.1 was refused after 5 attempts")
                .satisfies(e -> assertThat(((MachinistException) e).kind()).isEqualTo(ErrorKind.NETWORK));
    }

    @Test
    void slowVendorTimesOutAsUnavailable() {
        server.faults().inject("echo.ok", Fault.delay(Duration.ofMillis(1500)).times(5));
        HttpTransport oneShot = new HttpTransport(HttpClientSettings.defaults()
                .withSleeper(waits::add)
                .withRetries(1, Duration.ZERO, Duration.ZERO)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
        assertThatThrownBy(() ->
                        oneShot.send(HttpCall.get(uri("/ok")).what("Slow call").build()))
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining("did not answer within")
                .satisfies(e -> assertThat(((MachinistException) e).kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE));
    }

    @Test
    void responsesOverTheSizeLimitAreRefused() {
        assertThatThrownBy(() -> http.send(HttpCall.get(uri("/big")).build()))
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining("larger than the limit of 1024 bytes")
                .satisfies(e -> assertThat(((MachinistException) e).kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE));
    }

    @Test
    void plainHttpIsRefusedExceptToLoopback() {
        assertThatThrownBy(() -> http.send(
                        HttpCall.get(URI.create("http://api.example.com/x")).build()))
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining("only sent over https://")
                .satisfies(e -> assertThat(((MachinistException) e).kind()).isEqualTo(ErrorKind.USAGE));
        assertThat(HttpTransport.isLoopback("127.0.0.1")).isTrue();
        assertThat(HttpTransport.isLoopback("127.8.9.10")).isTrue();
        assertThat(HttpTransport.isLoopback("[::1]")).isTrue();
        assertThat(HttpTransport.isLoopback("localhost")).isTrue();
        assertThat(HttpTransport.isLoopback("10.0.0.1")).isFalse();
        assertThat(HttpTransport.isLoopback("localhost.example.com")).isFalse();
    }

    @Test
    void authorizationFollowsASameOriginRedirect() {
        HttpResult result =
                http.send(HttpCall.get(uri("/redirect-same")).bearer("tok-same").build());
        assertThat(result.bodyText()).contains("Bearer tok-same");
    }

    @Test
    void authorizationIsDroppedOnARedirectToAnotherOrigin() {
        HttpResult result = http.send(HttpCall.get(uri("/redirect-other"))
                .bearer("tok-cross")
                .header("PRIVATE-TOKEN", "glpat-cross")
                .build());
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.bodyText()).contains("\"auth\":\"none\"");
        assertThat(otherOrigin.requests()).allSatisfy(r -> {
            assertThat(r.header("Authorization")).isEmpty();
            assertThat(r.header("PRIVATE-TOKEN")).isEmpty();
        });
    }

    @Test
    void redirectLoopsEnd() {
        assertThatThrownBy(() -> http.send(HttpCall.get(uri("/loop")).build()))
                .hasMessageContaining("too many redirects");
    }

    @Test
    void statusesAreClassified() {
        assertThat(HttpErrors.kindOf(401)).isEqualTo(ErrorKind.BAD_TOKEN);
        assertThat(HttpErrors.kindOf(403)).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(HttpErrors.kindOf(404)).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(HttpErrors.kindOf(429)).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(HttpErrors.kindOf(500)).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(HttpErrors.kindOf(422)).isEqualTo(ErrorKind.REFUSED);
        HttpResult forbidden =
                http.send(HttpCall.get(uri("/status/403")).what("Listing").build());
        assertThatThrownBy(forbidden::requireSuccess)
                .hasMessage("Listing failed: 127.0.0.1 answered HTTP 403 (vendor says no). The token is valid but"
                        + " lacks permission for this; check the bot user's role.");
    }

    @Test
    void nonJsonBodyIsAMalformedResponse() {
        HttpResult result = http.send(HttpCall.get(uri("/status/200")).build());
        assertThat(result.json().get("message").asText()).isEqualTo("vendor says no");
        HttpResult text = new HttpResult(result.call(), result.finalUri(), 200, Map.of(), "<html>".getBytes());
        assertThatThrownBy(text::json)
                .hasMessageContaining("a body that is not JSON")
                .satisfies(e -> assertThat(((MachinistException) e).kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE));
    }

    @Test
    void debugLogNeverShowsQueryStringsOrHeaders() {
        List<String> log = new ArrayList<>();
        HttpTransport logging = new HttpTransport(HttpClientSettings.defaults().withDebugLog(log::add));
        logging.send(HttpCall.get(uri("/ok?private_token=sekrit123"))
                .bearer("tok-log")
                .build());
        assertThat(String.join("\n", log))
                .contains("/ok?…")
                .doesNotContain("sekrit123")
                .doesNotContain("tok-log");
    }
}
