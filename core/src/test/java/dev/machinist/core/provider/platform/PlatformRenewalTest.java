package dev.machinist.core.provider.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.simulator.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlatformRenewalTest {

    @Test
    void anExpiredAccessTokenIsRenewedTransparentlyAndTheNewOneIsMasked() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            v.sim.accessTokenLifetime(Duration.ofSeconds(1));
            PlatformSession session = v.login();
            String first = v.sunk.get(0).reveal();
            v.sim.accessTokenLifetime(Duration.ofMinutes(15));
            Thread.sleep(2100);
            assertThat(v.sim.isAccessTokenValid(first)).as("expired by now").isFalse();

            assertThat(session.identity().id()).isEqualTo(v.sim.demoUserId());

            assertThat(v.requestsTo("/oauth2/token")).isEqualTo(2);
            assertThat(v.sunk).hasSize(2);
            Secret renewed = v.sunk.get(1);
            assertThat(renewed.reveal()).isNotEqualTo(first);
            assertThat(v.sim.isAccessTokenValid(renewed.reveal())).isTrue();
            assertThat(v.server.requests().stream()
                            .filter(r -> r.path().endsWith("/users/me"))
                            .map(r -> r.header("Authorization").orElse("")))
                    .containsExactly("Bearer " + first, "Bearer " + renewed.reveal());
        }
    }

    @Test
    void aRevokedAccessTokenIsRenewedOnce() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("platformsh")) {
            PlatformSession session = v.login();
            session.logout();

            assertThat(session.listTokens()).extracting(t -> t.id()).contains(v.sim.demoApiTokenId());
            assertThat(v.requestsTo("/oauth2/token")).isEqualTo(2);
        }
    }

    @Test
    void whenTheApiTokenWasRevokedMeanwhileRenewalFailsAsABadToken() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            PlatformSession session = v.login();
            session.revokeToken(v.sim.demoApiTokenId());

            MachinistException e = catchThrowableOfType(MachinistException.class, session::identity);

            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
            assertThat(e.getMessage()).contains("UPSUN_CLI_TOKEN");
        }
    }

    @Test
    void aSecond401AfterRenewalStopsInsteadOfLooping() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            PlatformSession session = v.login();
            v.server.faults().inject("upsun.me", Fault.status(401).times(5));

            MachinistException e = catchThrowableOfType(MachinistException.class, session::identity);

            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
            assertThat(e.getMessage()).contains("freshly issued access token");
            assertThat(v.requestsTo("/users/me")).isEqualTo(2);
            assertThat(v.requestsTo("/oauth2/token")).isEqualTo(2);
        }
    }

    @Test
    void stepUpAuthenticationIsForbiddenAndNotRenewed() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            PlatformSession session = v.login();
            v.sim.requireStepUpAuthentication(true);

            MachinistException e = catchThrowableOfType(MachinistException.class, session::identity);

            assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
            assertThat(e.getMessage()).contains("step-up");
            assertThat(v.requestsTo("/oauth2/token")).isEqualTo(1);
        }
    }
}
