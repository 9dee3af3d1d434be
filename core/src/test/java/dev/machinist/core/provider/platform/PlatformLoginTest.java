package dev.machinist.core.provider.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.core.Secret;
import dev.machinist.core.provider.Identity;
import dev.machinist.core.provider.Providers;
import dev.machinist.core.provider.Session;
import dev.machinist.simulator.SimulatorServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformLoginTest {

    @ParameterizedTest
    @ValueSource(strings = {"platformsh", "upsun", "webpaas"})
    void logsInWithTheProfilesClientAndReadsTheIdentity(String key) throws Exception {
        try (SimulatedVendor v = new SimulatedVendor(key)) {
            Session session = Providers.create(key, v.context()).login(v.demoToken(), v.sink);

            Identity me = session.identity();
            assertThat(me.id()).isEqualTo(v.sim.demoUserId());
            assertThat(me.name()).isEqualTo(v.sim.demoUsername());
            assertThat(me.attributes())
                    .containsEntry("email", v.sim.demoEmail())
                    .containsEntry("first_name", "CI")
                    .containsEntry("last_name", "Bot");

            SimulatorServer.RecordedRequest grant = v.server.requests().stream()
                    .filter(r -> r.path().endsWith("/oauth2/token"))
                    .findFirst()
                    .orElseThrow();
            String basic = grant.header("Authorization").orElseThrow();
            assertThat(new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8))
                    .isEqualTo(v.profile.clientId() + ":")
                    .isEqualTo(v.sim.clientId() + ":");
            assertThat(grant.path()).isEqualTo("/" + key + "/auth/oauth2/token");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"platformsh", "upsun", "webpaas"})
    void theAccessTokenGoesToTheSinkBeforeAnyApiCall(String key) throws Exception {
        try (SimulatedVendor v = new SimulatedVendor(key)) {
            PlatformSession session = v.login();

            assertThat(v.sunk).hasSize(1);
            Secret access = v.sunk.get(0);
            assertThat(access.name()).isEqualTo(v.profile.displayName() + " access token");
            assertThat(v.sim.isAccessTokenValid(access.reveal())).isTrue();
            assertThat(v.requestsTo("/users/me")).isZero();
            session.identity();
            assertThat(v.server.requests().stream().filter(r -> r.path().endsWith("/users/me")))
                    .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + access.reveal()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"upsun", "webpaas"})
    void expiryComesFromTheJwt(String key) throws Exception {
        try (SimulatedVendor v = new SimulatedVendor(key)) {
            v.sim.accessTokenLifetime(Duration.ofMinutes(10));
            Instant before = Instant.now();
            PlatformSession session = v.login();

            assertThat(session.expiresAt()).isPresent();
            assertThat(session.expiresAt().get())
                    .isBetween(before.plusSeconds(595), Instant.now().plusSeconds(601));
            // The bot's id comes from the JWT's sub, as the vendor CLI does it, without a /users/me call.
            assertThat(session.listTokens()).isNotEmpty();
            assertThat(v.requestsTo("/users/me")).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"platformsh", "upsun"})
    void logoutRevokesTheAccessToken(String key) throws Exception {
        try (SimulatedVendor v = new SimulatedVendor(key)) {
            PlatformSession session = v.login();
            String access = v.sunk.get(0).reveal();

            session.logout();

            assertThat(v.sim.isAccessTokenValid(access)).isFalse();
            assertThat(v.sim.isApiTokenActive(v.sim.demoApiToken())).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"platformsh", "upsun", "webpaas"})
    void tokenWithSurroundingWhitespaceFromACiVariableStillWorks(String key) throws Exception {
        try (SimulatedVendor v = new SimulatedVendor(key)) {
            Session session = v.provider()
                    .login(Secret.of(v.profile.tokenVariable(), "  " + v.sim.demoApiToken() + "\n"), v.sink);
            assertThat(session.identity().id()).isEqualTo(v.sim.demoUserId());
        }
    }
}
