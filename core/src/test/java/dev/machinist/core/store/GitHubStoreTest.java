package dev.machinist.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpClientSettings;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.simulator.Fault;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.github.GitHubSecret;
import dev.machinist.simulator.github.GitHubSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubStoreTest {
    private static final String VALUE = "pantheon-machine-token-Zq81xK";
    private static final String REPO = GitHubSimulator.DEMO_REPOSITORY;

    private SimulatorServer server;
    private GitHubSimulator github;
    private final List<String> debugLog = new ArrayList<>();
    private HttpTransport http;

    @BeforeEach
    void start() throws Exception {
        server = SimulatorServer.start(0).with(new GitHubSimulator());
        github = server.vendor(GitHubSimulator.class);
        http = new HttpTransport(HttpClientSettings.defaults()
                .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2))
                .withDebugLog(debugLog::add));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GitHubConnection connection(String token) {
        return GitHubConnection.fromEnvironment(
                Map.of("GITHUB_TOKEN", token, "GITHUB_API_URL", server.baseUri() + "/github"), null, http);
    }

    private GitHubConnection connection() {
        return connection(GitHubSimulator.DEMO_TOKEN);
    }

    @Test
    void repositorySecretIsCreatedThenUpdatedAndGitHubCanOpenIt() {
        GitHubStore store = GitHubStore.repository(connection(), REPO);

        assertThat(store.store("PANTHEON_TOKEN", Secret.of("token", VALUE))).isEqualTo(StoreResult.CREATED);
        assertThat(github.repositorySecret(REPO, "PANTHEON_TOKEN").map(GitHubSecret::value))
                .contains(VALUE);

        assertThat(store.store("PANTHEON_TOKEN", Secret.of("token", VALUE + "-2")))
                .isEqualTo(StoreResult.UPDATED);
        assertThat(github.repositorySecret(REPO, "PANTHEON_TOKEN").orElseThrow().value())
                .isEqualTo(VALUE + "-2");
        assertThat(github.repositorySecret(REPO, "PANTHEON_TOKEN").orElseThrow().writes())
                .isEqualTo(2);
    }

    @Test
    void repositoryFlowGoesThroughTheCoreHttpLayerWithTheTokenInAHeaderOnly() {
        GitHubStore.repository(connection(), REPO).store("PANTHEON_TOKEN", Secret.of("token", VALUE));

        assertThat(server.requests())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly(
                        "GET /github/repos/machinist-demo/app",
                        "GET /github/repos/machinist-demo/app/actions/secrets/public-key",
                        "PUT /github/repos/machinist-demo/app/actions/secrets/PANTHEON_TOKEN");
        assertThat(server.requests())
                .allSatisfy(r -> assertThat(r.header("Authorization")).isPresent());
        // The debug log comes from HttpTransport: the library's calls went through the core's HTTP layer.
        assertThat(debugLog).hasSize(3).noneMatch(line -> line.contains(GitHubSimulator.DEMO_TOKEN));
    }

    @Test
    void environmentSecretIsCreatedThenUpdated() {
        GitHubStore store = GitHubStore.environment(connection(), REPO, GitHubSimulator.DEMO_ENVIRONMENT);

        assertThat(store.store("DEPLOY_TOKEN", Secret.of("t", VALUE))).isEqualTo(StoreResult.CREATED);
        assertThat(store.store("DEPLOY_TOKEN", Secret.of("t", VALUE + "x"))).isEqualTo(StoreResult.UPDATED);
        assertThat(github.environmentSecret(REPO, GitHubSimulator.DEMO_ENVIRONMENT, "DEPLOY_TOKEN")
                        .orElseThrow()
                        .value())
                .isEqualTo(VALUE + "x");
        assertThat(github.repositorySecret(REPO, "DEPLOY_TOKEN")).isEmpty();
    }

    @Test
    void environmentWithSpacesIsEncodedInThePath() {
        github.addEnvironment(REPO, "staging eu");
        GitHubStore.environment(connection(), REPO, "staging eu").store("T", Secret.of("t", VALUE));
        assertThat(github.environmentSecret(REPO, "staging eu", "T")).isPresent();
        assertThat(server.requests()).anyMatch(r -> r.path().contains("/environments/staging%20eu/secrets/T"));
    }

    @Test
    void organizationSecretCarriesVisibilityAndSelectedRepositories() {
        GitHubStore store = GitHubStore.organization(
                connection(), GitHubSimulator.DEMO_ORGANIZATION, OrgVisibility.SELECTED, List.of(4242L, 7L));

        assertThat(store.store("ORG_TOKEN", Secret.of("t", VALUE))).isEqualTo(StoreResult.CREATED);
        GitHubSecret stored = github.organizationSecret(GitHubSimulator.DEMO_ORGANIZATION, "ORG_TOKEN")
                .orElseThrow();
        assertThat(stored.value()).isEqualTo(VALUE);
        assertThat(stored.visibility()).isEqualTo("selected");
        assertThat(stored.selectedRepositoryIds()).containsExactly(4242L, 7L);

        GitHubStore.organization(connection(), GitHubSimulator.DEMO_ORGANIZATION, OrgVisibility.PRIVATE, List.of())
                .store("ORG_TOKEN", Secret.of("t", VALUE));
        assertThat(github.organizationSecret(GitHubSimulator.DEMO_ORGANIZATION, "ORG_TOKEN")
                        .orElseThrow()
                        .visibility())
                .isEqualTo("private");
    }

    @Test
    void selectedVisibilityWithoutRepositoriesIsAUsageErrorBeforeAnyRequest() {
        assertThatThrownBy(() ->
                        GitHubStore.organization(connection(), "machinist-demo", OrgVisibility.SELECTED, List.of()))
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining("needs the ids")
                .extracting(e -> ((MachinistException) e).kind())
                .isEqualTo(ErrorKind.USAGE);
        assertThatThrownBy(
                        () -> GitHubStore.organization(connection(), "machinist-demo", OrgVisibility.ALL, List.of(1L)))
                .hasMessageContaining("only used with visibility 'selected'");
        assertThatThrownBy(() -> OrgVisibility.parse("public")).hasMessageContaining("use all, private or selected");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void badTokenSaysWhichVariableToCheck() {
        String wrong = "ghp_wrongTokenWrongTokenWrongToken0000";
        MachinistException e = storeFails(GitHubStore.repository(connection(wrong), REPO));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
        assertThat(e.getMessage())
                .startsWith("GitHub rejected the token (401): check GITHUB_TOKEN")
                .doesNotContain(wrong);

        MachinistException env = storeFails(GitHubStore.environment(connection(wrong), REPO, "production"));
        assertThat(env.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
    }

    @Test
    void missingRepositoryExplainsTokenPermissions() {
        MachinistException e = storeFails(GitHubStore.repository(connection(), "nobody/none"));
        assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(e.getMessage())
                .isEqualTo("repository nobody/none not found or the token cannot see it (fine-grained tokens need"
                        + " Secrets: write on it; classic tokens need the repo scope).");
    }

    @Test
    void missingEnvironmentAndOrganizationAreNotFound() {
        MachinistException env = storeFails(GitHubStore.environment(connection(), REPO, "qa"));
        assertThat(env.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(env.getMessage()).startsWith("environment qa of repository machinist-demo/app not found");

        MachinistException org =
                storeFails(GitHubStore.organization(connection(), "other-org", OrgVisibility.ALL, List.of()));
        assertThat(org.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(org.getMessage())
                .contains("organization other-org not found")
                .contains("admin:org");
    }

    @Test
    void forbiddenExplainsScopes() {
        server.faults()
                .inject(
                        "github.repository.putSecret",
                        Fault.status(
                                403,
                                "application/json",
                                "{\"message\":\"Resource not accessible by personal access token\"}"));
        MachinistException e = storeFails(GitHubStore.repository(connection(), REPO));
        assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(e.getMessage())
                .contains("(403) (Resource not accessible by personal access token)")
                .contains("Secrets permission");
    }

    @Test
    void unprocessableIsRefusedWithGitHubsReason() {
        server.faults()
                .inject(
                        "github.environment.putSecret",
                        Fault.status(
                                422,
                                "application/json",
                                "{\"message\":\"Invalid request.\\n\\n\\\"key_id\\\" wasn't supplied.\"}"));
        MachinistException e = storeFails(GitHubStore.environment(connection(), REPO, "production"));
        assertThat(e.kind()).isEqualTo(ErrorKind.REFUSED);
        assertThat(e.getMessage()).contains("(422) (Invalid request. \"key_id\" wasn't supplied.)");
    }

    @Test
    void invalidSecretNamesAreRefusedBeforeAnyRequest() {
        GitHubStore store = GitHubStore.repository(connection(), REPO);
        assertThatThrownBy(() -> store.store("GITHUB_TOKEN", Secret.of("t", VALUE)))
                .hasMessageContaining("GITHUB_");
        assertThatThrownBy(() -> store.store("1ABC", Secret.of("t", VALUE))).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> store.store("A-B", Secret.of("t", VALUE))).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> store.store("EMPTY", Secret.of("t", ""))).hasMessageContaining("empty");
        assertThatThrownBy(() -> store.store("HUGE", Secret.of("t", "x".repeat(48 * 1024 + 1))))
                .hasMessageContaining("larger than 48 KB");
        assertThatThrownBy(() -> GitHubStore.repository(connection(), "no-slash"))
                .hasMessageContaining("OWNER/NAME");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aValueOfExactly48KbIsStored() {
        String big = "x".repeat(48 * 1024);
        assertThat(GitHubStore.repository(connection(), REPO).store("JUST_FITS", Secret.of("t", big)))
                .isEqualTo(StoreResult.CREATED);
        assertThat(github.repositorySecret(REPO, "JUST_FITS").orElseThrow().value())
                .isEqualTo(big);
    }

    @Test
    void anUnreachableGitHubIsANetworkErrorThroughTheLibraryToo() {
        GitHubConnection down = GitHubConnection.fromEnvironment(
                Map.of("GITHUB_TOKEN", GitHubSimulator.DEMO_TOKEN, "GITHUB_API_URL", "http://127.0.0.1:1/api/v3"),
                null,
                http);
        MachinistException repo = storeFails(GitHubStore.repository(down, REPO));
        assertThat(repo.kind()).isEqualTo(ErrorKind.NETWORK);
        assertThat(repo.getMessage()).contains("the connection to 127.0.0.1 was refused");
        MachinistException env = storeFails(GitHubStore.environment(down, REPO, "production"));
        assertThat(env.kind()).isEqualTo(ErrorKind.NETWORK);
    }

    @Test
    void plainHttpToAnotherHostIsRefusedBeforeSendingTheToken() {
        GitHubConnection insecure = GitHubConnection.fromEnvironment(
                Map.of(
                        "GITHUB_TOKEN",
                        GitHubSimulator.DEMO_TOKEN,
                        "GITHUB_API_URL",
                        "http://github.example.com/api/v3"),
                null,
                http);
        MachinistException e = storeFails(GitHubStore.repository(insecure, REPO));
        assertThat(e.kind()).isEqualTo(ErrorKind.USAGE);
        assertThat(e.getMessage()).contains("tokens are only sent over https://");
    }

    @Test
    void connectionComesFromTheEnvironmentWithOptionFirst() {
        GitHubConnection gh = GitHubConnection.fromEnvironment(Map.of("GH_TOKEN", "x"), null, http);
        assertThat(gh.apiBase()).hasToString("https://api.github.com");
        assertThat(gh.tokenSource()).isEqualTo("GH_TOKEN");
        assertThat(gh.toString()).doesNotContain("x]").contains("token from GH_TOKEN");

        GitHubConnection ghes = GitHubConnection.fromEnvironment(
                Map.of("GITHUB_TOKEN", "y", "GH_TOKEN", "x", "GITHUB_API_URL", "https://ghe.example/api/v3/"),
                null,
                http);
        assertThat(ghes.apiBase()).hasToString("https://ghe.example/api/v3");
        assertThat(ghes.tokenSource()).isEqualTo("GITHUB_TOKEN");
        assertThat(GitHubConnection.fromEnvironment(
                                Map.of("GITHUB_TOKEN", "y", "GITHUB_API_URL", "https://ghe.example/api/v3"),
                                "https://other.example/api/v3",
                                http)
                        .apiBase())
                .hasToString("https://other.example/api/v3");

        assertThatThrownBy(() -> GitHubConnection.fromEnvironment(Map.of(), null, http))
                .hasMessageStartingWith("No GitHub token: set GITHUB_TOKEN (or GH_TOKEN)");
    }

    @Test
    void neitherTokenNorValueReachesAnyLogOrMessage() {
        List<String> julLines = new ArrayList<>();
        Logger kohsuke = Logger.getLogger("org.kohsuke.github");
        Level before = kohsuke.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                julLines.add(record.getMessage() + " " + (record.getThrown() == null ? "" : record.getThrown()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        kohsuke.setLevel(Level.ALL);
        kohsuke.addHandler(capture);
        try {
            GitHubStore.repository(connection(), REPO).store("A", Secret.of("t", VALUE));
            GitHubStore.repository(connection(), REPO).store("A", Secret.of("t", VALUE));
            List<String> messages = new ArrayList<>();
            for (GitHubStore failing : List.of(
                    GitHubStore.repository(connection("ghp_bad"), REPO),
                    GitHubStore.repository(connection(), "x/y"),
                    GitHubStore.environment(connection(), REPO, "none"))) {
                messages.add(storeFails(failing).getMessage());
            }
            assertThat(julLines).noneMatch(l -> l.contains(VALUE) || l.contains(GitHubSimulator.DEMO_TOKEN));
            assertThat(debugLog).noneMatch(l -> l.contains(VALUE) || l.contains(GitHubSimulator.DEMO_TOKEN));
            assertThat(messages).noneMatch(m -> m.contains(VALUE) || m.contains(GitHubSimulator.DEMO_TOKEN));
        } finally {
            kohsuke.removeHandler(capture);
            kohsuke.setLevel(before);
        }
    }

    private static MachinistException storeFails(GitHubStore store) {
        try {
            store.store("SOME_SECRET", Secret.of("t", VALUE));
        } catch (MachinistException e) {
            assertThat(e.getMessage()).doesNotContain(VALUE);
            return e;
        }
        throw new AssertionError("expected a failure from " + store.describe());
    }
}
