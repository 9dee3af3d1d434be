package dev.machinist.core.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpClientSettings;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.Provider;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.core.provider.Providers;
import dev.machinist.core.store.GitHubConnection;
import dev.machinist.core.store.GitHubStore;
import dev.machinist.core.store.SecretStore;
import dev.machinist.core.store.StoreResult;
import dev.machinist.simulator.Fault;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.github.GitHubSecret;
import dev.machinist.simulator.github.GitHubSimulator;
import dev.machinist.simulator.platform.PlatformSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rotation of a Platform.sh API token kept as a GitHub repository secret, failing at each step. */
class TokenRotationTest {
    private static final String REPO = GitHubSimulator.DEMO_REPOSITORY;
    private static final String SECRET = "PLATFORMSH_CLI_TOKEN";

    private SimulatorServer server;
    private PlatformSimulator platform;
    private GitHubSimulator github;
    private final List<Secret> sunk = new ArrayList<>();
    private TokenRotation rotation;
    private Secret oldToken;
    private Provider provider;

    private dev.machinist.core.provider.Session loggedIn(Secret token) {
        return provider.login(token, sunk::add);
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() throws Exception {
        server = SimulatorServer.start(0)
                .with(new PlatformSimulator("platformsh"))
                .with(new GitHubSimulator());
        platform = server.vendor(PlatformSimulator.class);
        github = server.vendor(GitHubSimulator.class);
        HttpTransport http = new HttpTransport(
                HttpClientSettings.defaults().withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2)));
        Map<String, String> env =
                (Map<String, String>) ((Map<String, Object>) server.describe().get("platformsh")).get("env");
        Provider provider = Providers.create("platformsh", ProviderContext.of(env, http));
        SecretStore store = GitHubStore.repository(
                GitHubConnection.fromEnvironment(
                        Map.of(
                                "GITHUB_TOKEN",
                                GitHubSimulator.DEMO_TOKEN,
                                "GITHUB_API_URL",
                                server.baseUri() + "/github"),
                        null,
                        http),
                REPO);
        rotation = new TokenRotation(store, sunk::add);
        oldToken = Secret.of(SECRET, platform.demoApiToken());
        this.provider = provider;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createsProvesStoresThenRevokes() {
        RotationResult result = rotation.rotate(loggedIn(oldToken), SECRET, "ci-rotated", Optional.empty());

        assertThat(result.stored()).isEqualTo(StoreResult.CREATED);
        assertThat(result.revokedTokenId()).contains(platform.demoApiTokenId());
        String stored = github.repositorySecret(REPO, SECRET).orElseThrow().value();
        assertThat(stored).isNotEqualTo(oldToken.reveal());
        assertThat(platform.isApiTokenActive(stored)).isTrue();
        assertThat(platform.isApiTokenActive(oldToken.reveal())).isFalse();
        assertThat(sunk).extracting(Secret::reveal).contains(stored); // masked from the instant it existed
    }

    @Test
    void failureToCreateChangesNothing() {
        server.faults().inject("platformsh.api-tokens.create", Fault.status(500).times(5));
        MachinistException e = fails(() -> rotation.rotate(loggedIn(oldToken), SECRET, "x", Optional.empty()));
        assertThat(e.getMessage())
                .startsWith("Rotation stopped while creating the new token:")
                .endsWith("Nothing changed; the old token still works.");
        assertThat(platform.isApiTokenActive(oldToken.reveal())).isTrue();
        assertThat(github.repositorySecret(REPO, SECRET)).isEmpty();
    }

    @Test
    void newTokenThatCannotLogInIsRevokedAndNothingIsStored() {
        // The first exchange is the old token's login; the second, the new token's, is refused.
        server.faults().inject("platformsh.token", Fault.delay(Duration.ZERO));
        server.faults()
                .inject(
                        "platformsh.token",
                        Fault.status(
                                400,
                                "application/json",
                                "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid API token\"}"));
        MachinistException e = fails(() -> rotation.rotate(loggedIn(oldToken), SECRET, "x", Optional.empty()));
        assertThat(e.getMessage())
                .startsWith("Rotation stopped while logging in with the new token:")
                .contains("The secret was not changed; the old token still works.")
                .contains("was revoked again.");
        assertThat(github.repositorySecret(REPO, SECRET)).isEmpty();
        assertThat(platform.isApiTokenActive(oldToken.reveal())).isTrue();
        assertThat(createdTokens()).singleElement().satisfies(t -> assertThat(platform.isApiTokenActive(t))
                .isFalse());
    }

    @Test
    void failureToStoreRevokesTheNewTokenAndKeepsTheOld() {
        server.faults()
                .inject(
                        "github.repository.putSecret",
                        Fault.status(
                                403, "application/json", "{\"message\":\"Resource not accessible by integration\"}"));
        MachinistException e = fails(() -> rotation.rotate(loggedIn(oldToken), SECRET, "x", Optional.empty()));
        assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(e.getMessage())
                .startsWith("Rotation stopped while storing the new token in GitHub repository"
                        + " secrets of machinist-demo/app:")
                .contains("The old token still works")
                .contains("was revoked again.");
        assertThat(platform.isApiTokenActive(oldToken.reveal())).isTrue();
        assertThat(createdTokens()).singleElement().satisfies(t -> assertThat(platform.isApiTokenActive(t))
                .isFalse());
    }

    @Test
    void failureToRevokeTheOldTokenSaysWhichToRevokeByHand() {
        server.faults().inject("platformsh.api-tokens.delete", Fault.status(500).times(10));
        MachinistException e = fails(() -> rotation.rotate(loggedIn(oldToken), SECRET, "x", Optional.empty()));
        assertThat(e.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(e.getMessage())
                .startsWith("Rotation stopped while revoking the old token " + platform.demoApiTokenId())
                .contains("still works too: revoke it by hand (machinist token revoke " + platform.demoApiTokenId());
        GitHubSecret stored = github.repositorySecret(REPO, SECRET).orElseThrow();
        assertThat(platform.isApiTokenActive(stored.value())).isTrue();
        assertThat(platform.isApiTokenActive(oldToken.reveal())).isTrue();
    }

    @Test
    void severalTokensWithoutAnIdIsAUsageErrorBeforeAnyChange() {
        platform.createApiToken("another");
        MachinistException e = fails(() -> rotation.rotate(loggedIn(oldToken), SECRET, "x", Optional.empty()));
        assertThat(e.kind()).isEqualTo(ErrorKind.USAGE);
        assertThat(e.getMessage()).contains("The bot has 2 tokens").contains("Nothing changed.");
        assertThat(github.repositorySecret(REPO, SECRET)).isEmpty();
    }

    @Test
    void aTokenMadeByHandIsProvenStoredAndTheOldOneRevoked() {
        Secret byHand = Secret.of("new", platform.createApiToken("made in the console"));
        RotationResult result =
                rotation.replace(loggedIn(oldToken), byHand, SECRET, Optional.of(platform.demoApiTokenId()));
        assertThat(result.newTokenId()).isEmpty();
        assertThat(github.repositorySecret(REPO, SECRET).orElseThrow().value()).isEqualTo(byHand.reveal());
        assertThat(platform.isApiTokenActive(oldToken.reveal())).isFalse();

        MachinistException bad = fails(() ->
                rotation.replace(loggedIn(byHand), Secret.of("new", "not-a-valid-token"), SECRET, Optional.empty()));
        assertThat(bad.getMessage())
                .startsWith("Rotation stopped while logging in with the new token:")
                .doesNotContain("not-a-valid-token");
        assertThat(github.repositorySecret(REPO, SECRET).orElseThrow().value()).isEqualTo(byHand.reveal());
    }

    @Test
    void aVendorWithoutATokenApiCannotRevokeAndSaysSoBeforeStoring() {
        Provider local = Providers.create("env", ProviderContext.of(Map.of(), HttpTransport.defaults()));
        dev.machinist.core.provider.Session session = local.login(Secret.of("none", "unused-local-token"), sunk::add);
        MachinistException e = fails(
                () -> rotation.replace(session, Secret.of("n", "made-by-hand-token"), SECRET, Optional.of("old-id")));
        assertThat(e.kind()).isEqualTo(ErrorKind.USAGE);
        assertThat(e.getMessage()).contains("has no token API");
        assertThat(github.repositorySecret(REPO, SECRET)).isEmpty();
    }

    /** Plaintexts of API tokens created during the run, as the sink saw them. */
    private List<String> createdTokens() {
        return sunk.stream()
                .filter(s -> s.name().contains("API token '"))
                .map(Secret::reveal)
                .distinct()
                .toList();
    }

    private MachinistException fails(Runnable action) {
        try {
            action.run();
        } catch (MachinistException e) {
            assertThat(e.getMessage()).doesNotContain(oldToken.reveal());
            sunk.forEach(s -> assertThat(e.getMessage()).doesNotContain(s.reveal()));
            return e;
        }
        throw new AssertionError("expected the rotation to fail");
    }
}
