package dev.machinist.core.provider.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.simulator.Fault;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformFaultsTest {

    @Test
    void theTokenExchangeIsRetriedThroughServiceUnavailable() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            v.server.faults().inject("upsun.token", Fault.status(503).times(2));

            PlatformSession session = v.login();

            assertThat(session.identity().id()).isEqualTo(v.sim.demoUserId());
            assertThat(v.requestsTo("/oauth2/token")).isEqualTo(3);
            assertThat(v.waits).hasSize(2);
        }
    }

    @Test
    void aTruncatedTokenResponseIsRetried() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("platformsh")) {
            v.server.faults().inject("platformsh.token", Fault.truncatedBody());

            v.login();

            assertThat(v.requestsTo("/oauth2/token")).isEqualTo(2);
            assertThat(v.sunk).hasSize(1);
        }
    }

    @Test
    void rateLimitingHonoursRetryAfter() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("webpaas")) {
            v.server.faults().inject("webpaas.token", Fault.rateLimit(3));
            v.server.faults().inject("webpaas.me", Fault.rateLimit(1));

            PlatformSession session = v.login();
            session.identity();

            assertThat(v.waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(1));
        }
    }

    @Test
    void apiReadsAreRetriedThroughGatewayErrors() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            PlatformSession session = v.login();
            v.server.faults().inject("upsun.api-tokens.list", Fault.status(502));
            v.server.faults().inject("upsun.me", Fault.dropConnection());

            assertThat(session.listTokens()).hasSize(1);
            assertThat(session.identity().id()).isEqualTo(v.sim.demoUserId());
            assertThat(v.requestsTo("/api-tokens")).isEqualTo(2);
        }
    }

    @Test
    void aPersistentServerErrorIsVendorUnavailable() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            v.server.faults().inject("upsun.token", Fault.status(503).times(10));

            MachinistException e = catchThrowableOfType(MachinistException.class, v::login);

            assertThat(e.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
            assertThat(e.getMessage()).contains("Upsun login failed").contains("HTTP 503");
        }
    }

    @Test
    void creatingATokenIsNotRetriedWhenTheConnectionDrops() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            PlatformSession session = v.login();
            v.server.faults().inject("upsun.api-tokens.create", Fault.dropConnection());

            MachinistException e =
                    catchThrowableOfType(MachinistException.class, () -> session.createToken("maybe-twice"));

            assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
            assertThat(e.getMessage()).contains("not retried");
            assertThat(v.server.requests().stream()
                            .filter(r -> r.method().equals("POST") && r.path().endsWith("/api-tokens")))
                    .hasSize(1);
            assertThat(v.sunk).hasSize(1);
        }
    }

    @Test
    void theCertifierIsRetriedThroughServiceUnavailable(@TempDir Path dir) throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("platformsh")) {
            PlatformSession session = v.login();
            v.server.faults().inject("platformsh.ssh", Fault.status(503));

            assertThat(session.issueCertificate(dir).certificate()).exists();
            assertThat(v.requestsTo("/auth/ssh")).isEqualTo(2);
        }
    }
}
