package dev.machinist.core.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.platform.PlatformSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Platform.sh family has no secrets: the binding exposes the API token and the derived access token. */
class PlatformBindingTest {
    private final CredentialBinding binding = new CredentialBinding(HttpTransport.defaults());

    private static BindingRequest.Builder request(SimulatorServer sim, PlatformSimulator vendor, String token) {
        return BindingRequest.builder(vendor.key(), Secret.of(vendor.key() + " API token", token))
                .setting("api-url", vendor.apiUrl(sim.baseUri()))
                .setting("auth-url", vendor.authUrl(sim.baseUri()));
    }

    private static String bearerSeenBy(SimulatorServer sim, String vendorKey) {
        return sim.requests().stream()
                .filter(r -> r.path().equals("/" + vendorKey + "/api/users/me"))
                .map(r -> r.header("Authorization").orElse(""))
                .filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring(7))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({"platformsh, PLATFORMSH_CLI_", "upsun, UPSUN_CLI_", "webpaas, OVHCLOUD_WEBPAAS_CLI_"})
    void exposesTheApiTokenAndMasksTheAccessToken(String key, String prefix) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(0).with(new PlatformSimulator(key))) {
            PlatformSimulator vendor = sim.vendor(PlatformSimulator.class);
            List<Secret> sunk = new ArrayList<>();
            BindingResult result =
                    binding.bind(request(sim, vendor, vendor.demoApiToken()).build(), sunk::add);

            String accessToken = bearerSeenBy(sim, key);
            assertThat(vendor.isAccessTokenValid(accessToken)).isTrue();
            assertThat(result.secretVariables())
                    .containsEntry(prefix + "TOKEN", vendor.demoApiToken())
                    .containsEntry("MACHINIST_ACCESS_TOKEN", accessToken)
                    .hasSize(2);
            assertThat(result.publicVariables())
                    .containsEntry("MACHINIST_VENDOR", key)
                    .containsEntry("MACHINIST_IDENTITY", vendor.demoUsername())
                    .containsEntry("MACHINIST_IDENTITY_ID", vendor.demoUserId())
                    .containsEntry(prefix + "API_URL", vendor.apiUrl(sim.baseUri()))
                    .containsEntry(prefix + "AUTH_URL", vendor.authUrl(sim.baseUri()))
                    .containsKey("MACHINIST_EXPIRES_AT");
            for (Secret s : sunk) assertThat(result.secretValues()).contains(s.reveal());
            assertThat(result.publicVariables().values()).doesNotContain(accessToken, vendor.demoApiToken());
        }
    }

    @ParameterizedTest
    @CsvSource({"platformsh", "upsun", "webpaas"})
    void aWrongTokenIsABadTokenErrorThatNeverShowsIt(String key) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(0).with(new PlatformSimulator(key))) {
            PlatformSimulator vendor = sim.vendor(PlatformSimulator.class);
            String wrong = "not-a-real-api-token-4711";
            assertThatThrownBy(() -> binding.bind(request(sim, vendor, wrong).build()))
                    .isInstanceOfSatisfying(
                            MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN))
                    .hasMessageContaining("rejected the API token")
                    .hasMessageNotContaining(wrong);
            ConnectionReport report = binding.testConnection(
                    request(sim, vendor, vendor.demoApiToken()).build());
            assertThat(report.summary()).contains("logged in as " + vendor.demoUsername());
        }
    }

    @ParameterizedTest
    @CsvSource({"upsun"})
    void aBindingThatFailsAfterLoginRevokesTheAccessToken(String key) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(0).with(new PlatformSimulator(key))) {
            PlatformSimulator vendor = sim.vendor(PlatformSimulator.class);
            List<Secret> sunk = new ArrayList<>();
            assertThatThrownBy(() -> binding.bind(
                            request(sim, vendor, vendor.demoApiToken())
                                    .secrets("some-id > X")
                                    .build(),
                            sunk::add))
                    .hasMessageStartingWith("Upsun has no secrets to load");
            String accessToken = sunk.stream()
                    .map(Secret::reveal)
                    .filter(v -> !v.equals(vendor.demoApiToken()))
                    .findFirst()
                    .orElseThrow();
            assertThat(vendor.isAccessTokenValid(accessToken)).isFalse();
            assertThat(vendor.isApiTokenActive(vendor.demoApiToken())).isTrue();
        }
    }
}
