package dev.machinist.core.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.bitwarden.BitwardenSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bitwarden Secrets Manager: secrets by id, project or organization; the JWT and the org key masked. */
class BitwardenBindingTest {
    private SimulatorServer sim;
    private BitwardenSimulator bitwarden;
    private final CredentialBinding binding = new CredentialBinding(HttpTransport.defaults());

    @BeforeEach
    void start() throws Exception {
        sim = SimulatorServer.start(0).with(new BitwardenSimulator());
        bitwarden = sim.vendor(BitwardenSimulator.class);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private BindingRequest.Builder request(String token) {
        return BindingRequest.builder("bitwarden", Secret.of("Bitwarden access token", token))
                .setting("server-url", BitwardenSimulator.serverUrl(sim.baseUri()));
    }

    private String jwtSeenByApi() {
        return sim.requests().stream()
                .filter(r -> r.path().startsWith(BitwardenSimulator.PATH + "/api/"))
                .map(r -> r.header("Authorization").orElse(""))
                .filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring(7))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void picksBecomeVariablesAndEveryDerivedCredentialIsMasked() {
        List<Secret> sunk = new ArrayList<>();
        BindingResult result = binding.bind(
                request(bitwarden.demoAccessToken())
                        .secrets(bitwarden.secretId("DATABASE_URL") + " > DB_URL\n"
                                + bitwarden.secretId("STAGING_API_TOKEN"))
                        .build(),
                sunk::add);

        assertThat(result.secretVariables())
                .containsEntry("DB_URL", "postgres://app:s3cr3t-Demo-Passw0rd@db.internal:5432/app")
                .containsEntry("STAGING_API_TOKEN", "stg_7Qk2p9Xw4Lm8Rt3Vz6Bn")
                .containsEntry("BWS_ACCESS_TOKEN", bitwarden.demoAccessToken())
                .containsEntry("MACHINIST_ACCESS_TOKEN", jwtSeenByApi())
                // The token's client secret and key, and the organization key: exported only to be masked.
                .containsKeys("MACHINIST_MASKED_1", "MACHINIST_MASKED_2", "MACHINIST_MASKED_3");
        // Derived-token masking: the token, its pieces, the JWT, the org key and both values are all masked.
        assertThat(sunk).hasSizeGreaterThanOrEqualTo(6);
        for (Secret s : sunk) assertThat(result.secretValues()).contains(s.reveal());
        assertThat(result.publicVariables())
                .containsEntry("MACHINIST_VENDOR", "bitwarden")
                .containsEntry("BWS_SERVER_URL", BitwardenSimulator.serverUrl(sim.baseUri()))
                .containsKey("MACHINIST_EXPIRES_AT");
        for (String value : result.publicVariables().values()) {
            assertThat(result.secretValues()).doesNotContain(value);
        }
    }

    @Test
    void aProjectLoadsItsSecretsByKeyAndWarnsAboutMultiLineValues() {
        BindingResult result = binding.bind(request(bitwarden.demoAccessToken())
                .project(bitwarden.projectIds().get(0))
                .build());
        assertThat(result.secretVariables()).containsKeys("DATABASE_URL", "DEPLOY_KEY", "SERVICE_ACCOUNT_JSON");
        assertThat(result.secretVariables()).doesNotContainKey("STAGING_API_TOKEN");
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("$DEPLOY_KEY spans several lines"));
        assertThat(String.join("\n", result.warnings())).doesNotContain("PRIVATE KEY");
    }

    @Test
    void theWholeOrganizationAndNamePolicy() {
        bitwarden.addSecret("my-key.v2", "mapped-value-123", "");
        assertThatThrownBy(() -> binding.bind(
                        request(bitwarden.demoAccessToken()).organization(true).build()))
                .hasMessageContaining("The secret key 'my-key.v2'")
                .hasMessageNotContaining("mapped-value-123");
        BindingResult result = binding.bind(request(bitwarden.demoAccessToken())
                .organization(true)
                .mapNames(true)
                .build());
        assertThat(result.secretVariables())
                .containsKeys("DATABASE_URL", "STAGING_API_TOKEN", "my_key_v2")
                .containsEntry("my_key_v2", "mapped-value-123");
    }

    @Test
    void nothingSelectedIsAUsageErrorAfterNoFetch() {
        assertThatThrownBy(
                        () -> binding.bind(request(bitwarden.demoAccessToken()).build()))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USAGE))
                .hasMessage("Nothing to load from Bitwarden Secrets Manager: give secrets as 'ID > NAME' lines, a"
                        + " project id, or choose the whole organization.");
    }

    @Test
    void revokedAndMalformedTokensAreClearAndNeverShown() {
        String revoked = bitwarden.issueAccessToken(null);
        bitwarden.revokeAccessToken(revoked);
        assertThatThrownBy(
                        () -> binding.bind(request(revoked).organization(true).build()))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN))
                .hasMessageNotContaining(revoked)
                .hasMessageNotContaining(revoked.substring(revoked.indexOf('.') + 1));
        String malformed = "0.not-a-uuid.secret-part:AAAA";
        assertThatThrownBy(
                        () -> binding.bind(request(malformed).organization(true).build()))
                .isInstanceOf(MachinistException.class)
                .hasMessageNotContaining("secret-part");
    }

    @Test
    void testConnectionNamesTheMachineAccount() {
        ConnectionReport report =
                binding.testConnection(request(bitwarden.demoAccessToken()).build());
        assertThat(report.vendor()).isEqualTo("bitwarden");
        assertThat(report.summary()).contains("logged in as").doesNotContain(bitwarden.demoAccessToken());
        assertThat(report.expiresAt()).isPresent();
    }
}
