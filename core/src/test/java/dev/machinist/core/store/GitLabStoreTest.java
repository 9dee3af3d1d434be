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
import dev.machinist.simulator.gitlab.GitLabSimulator;
import dev.machinist.simulator.gitlab.GitLabVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitLabStoreTest {
    private static final String VALUE = "pantheon-machine-token_Zq81xK";
    private static final long PROJECT = GitLabSimulator.DEMO_PROJECT_ID;

    private SimulatorServer server;
    private GitLabSimulator gitlab;
    private final List<String> debugLog = new ArrayList<>();
    private HttpTransport http;

    @BeforeEach
    void start() throws Exception {
        server = SimulatorServer.start(0).with(new GitLabSimulator());
        gitlab = server.vendor(GitLabSimulator.class);
        http = new HttpTransport(HttpClientSettings.defaults()
                .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2))
                .withDebugLog(debugLog::add));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GitLabConnection connection(String token) {
        return GitLabConnection.fromEnvironment(
                Map.of("GITLAB_TOKEN", token, "CI_API_V4_URL", server.baseUri() + "/gitlab/api/v4"), null, http);
    }

    private GitLabStore store(GitLabVariableOptions options) {
        return GitLabStore.project(connection(GitLabSimulator.DEMO_TOKEN), String.valueOf(PROJECT), options);
    }

    @Test
    void createsThenUpdatesAVariableInItsScope() {
        GitLabVariableOptions options = new GitLabVariableOptions(true, false, true, false, "production", "bot token");

        assertThat(store(options).store("PANTHEON_TOKEN", Secret.of("t", VALUE)))
                .isEqualTo(StoreResult.CREATED);
        GitLabVariable created =
                gitlab.variable(PROJECT, "PANTHEON_TOKEN", "production").orElseThrow();
        assertThat(created.value()).isEqualTo(VALUE);
        assertThat(created.masked()).isTrue();
        assertThat(created.isProtected()).isTrue();
        assertThat(created.description()).isEqualTo("bot token");
        assertThat(created.variableType()).isEqualTo("env_var");

        assertThat(store(options).store("PANTHEON_TOKEN", Secret.of("t", VALUE + "2")))
                .isEqualTo(StoreResult.UPDATED);
        assertThat(gitlab.variable(PROJECT, "PANTHEON_TOKEN", "production")
                        .orElseThrow()
                        .value())
                .isEqualTo(VALUE + "2");

        assertThat(server.requests())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly(
                        "GET /gitlab/api/v4/projects/101/variables/PANTHEON_TOKEN",
                        "POST /gitlab/api/v4/projects/101/variables",
                        "GET /gitlab/api/v4/projects/101/variables/PANTHEON_TOKEN",
                        "PUT /gitlab/api/v4/projects/101/variables/PANTHEON_TOKEN");
        assertThat(server.requests())
                .allSatisfy(r -> assertThat(r.header("PRIVATE-TOKEN")).contains(GitLabSimulator.DEMO_TOKEN));
    }

    @Test
    void anotherScopeIsAnotherVariable() {
        store(GitLabVariableOptions.defaults()).store("TOKEN", Secret.of("t", "for-all"));
        GitLabVariableOptions staging = new GitLabVariableOptions(false, false, false, false, "staging", null);
        assertThat(store(staging).store("TOKEN", Secret.of("t", "for-staging"))).isEqualTo(StoreResult.CREATED);
        assertThat(gitlab.variable(PROJECT, "TOKEN", "*").orElseThrow().value()).isEqualTo("for-all");
        assertThat(gitlab.variable(PROJECT, "TOKEN", "staging").orElseThrow().value())
                .isEqualTo("for-staging");
        // Both exist now: updating one scope must still hit exactly that one.
        assertThat(store(staging).store("TOKEN", Secret.of("t", "staging-2"))).isEqualTo(StoreResult.UPDATED);
        assertThat(gitlab.variable(PROJECT, "TOKEN", "*").orElseThrow().value()).isEqualTo("for-all");
    }

    @Test
    void projectPathIsUrlEncoded() {
        GitLabStore.project(
                        connection(GitLabSimulator.DEMO_TOKEN),
                        GitLabSimulator.DEMO_PROJECT_PATH,
                        GitLabVariableOptions.defaults())
                .store("TOKEN", Secret.of("t", VALUE));
        assertThat(gitlab.variable(PROJECT, "TOKEN", "*")).isPresent();
        assertThat(server.requests())
                .allMatch(r -> r.path().startsWith("/gitlab/api/v4/projects/machinist-demo%2Fapp/"));
    }

    @Test
    void unmaskableValuesAreRefusedBeforeAnyRequest() {
        GitLabVariableOptions masked = new GitLabVariableOptions(true, false, false, false, "*", null);
        assertRefused(masked, "abc12", "shorter than 8 characters");
        assertRefused(masked, "two\nlines-value", "several lines");
        assertRefused(masked, "has a space inside", "whitespace");
        assertRefused(masked, "needs!raw#value$$", "add --raw");
        GitLabVariableOptions raw = new GitLabVariableOptions(true, false, false, true, "*", null);
        assertRefused(raw, "raw but spaced value", "whitespace");
        assertThat(server.requests()).isEmpty();

        assertThat(store(raw).store("RAW_OK", Secret.of("t", "needs!raw#value$$")))
                .isEqualTo(StoreResult.CREATED);
        assertThat(gitlab.variable(PROJECT, "RAW_OK", "*").orElseThrow().raw()).isTrue();
    }

    private void assertRefused(GitLabVariableOptions options, String value, String reason) {
        assertThatThrownBy(() -> store(options).store("MASKED", Secret.of("t", value)))
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining("Nothing was sent to GitLab")
                .hasMessageNotContaining(value)
                .extracting(e -> ((MachinistException) e).kind())
                .isEqualTo(ErrorKind.REFUSED);
    }

    @Test
    void localMaskingCheckAgreesWithTheSimulatorsIndependentRuleOnRandomValues() {
        java.util.Random random = new java.util.Random(4242);
        String alphabet = "abcXYZ019_+=/@:.~-!#$%&*()[]{}<>|\\'\"`^, \t\né€";
        int refused = 0;
        for (int i = 0; i < 150; i++) {
            StringBuilder v = new StringBuilder();
            int length = 4 + random.nextInt(12);
            for (int j = 0; j < length; j++) {
                // Mostly safe characters, so that both outcomes are common.
                v.append(
                        random.nextInt(4) == 0
                                ? alphabet.charAt(random.nextInt(alphabet.length()))
                                : alphabet.charAt(random.nextInt(19)));
            }
            boolean raw = random.nextBoolean();
            String key = "K" + i;
            GitLabVariableOptions options = new GitLabVariableOptions(true, false, false, raw, "*", null);
            boolean acceptedLocally;
            try {
                store(options).store(key, Secret.of("t", v.toString()));
                acceptedLocally = true;
            } catch (MachinistException e) {
                assertThat(e.kind()).as(e.getMessage()).isEqualTo(ErrorKind.REFUSED);
                acceptedLocally = false;
                refused++;
            }
            // Send what Machinist refused straight to the simulator: GitLab's own rule must refuse it too.
            if (!acceptedLocally) {
                com.fasterxml.jackson.databind.node.ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .put("key", key)
                        .put("value", v.toString())
                        .put("masked", true)
                        .put("raw", raw);
                int status = http.send(dev.machinist.core.http.HttpCall.post(
                                        java.net.URI.create(server.baseUri() + "/gitlab/api/v4/projects/101/variables"))
                                .header("PRIVATE-TOKEN", GitLabSimulator.DEMO_TOKEN)
                                .json(body.toString())
                                .build())
                        .status();
                assertThat(status)
                        .as("simulator on a value Machinist refused (raw=" + raw + ")")
                        .isEqualTo(400);
            } else {
                assertThat(gitlab.variable(PROJECT, key, "*")).isPresent();
            }
        }
        assertThat(refused).isBetween(20, 130); // both outcomes were exercised
    }

    @Test
    void maskedAndHiddenIsCreateOnly() {
        GitLabVariableOptions hidden = new GitLabVariableOptions(false, true, false, false, "*", null);
        assertThat(store(hidden).store("HIDDEN", Secret.of("t", VALUE))).isEqualTo(StoreResult.CREATED);
        GitLabVariable v = gitlab.variable(PROJECT, "HIDDEN", "*").orElseThrow();
        assertThat(v.hidden()).isTrue();
        assertThat(v.masked()).isTrue();

        assertThatThrownBy(() -> store(hidden).store("HIDDEN", Secret.of("t", VALUE)))
                .hasMessageContaining("already exists")
                .hasMessageContaining("only when a variable is created")
                .hasMessageContaining("--masked");

        // Updating it without asking for masking keeps it masked, so the value must still be maskable.
        assertThat(store(GitLabVariableOptions.defaults()).store("HIDDEN", Secret.of("t", VALUE + "9")))
                .isEqualTo(StoreResult.UPDATED);
        assertThat(gitlab.variable(PROJECT, "HIDDEN", "*").orElseThrow().value())
                .isEqualTo(VALUE + "9");
        assertThatThrownBy(() -> store(GitLabVariableOptions.defaults()).store("HIDDEN", Secret.of("t", "a b")))
                .hasMessageContaining("as masked");
        assertThatThrownBy(() -> new GitLabVariableOptions(true, true, false, false, "*", null))
                .hasMessageContaining("either --masked or --masked-and-hidden");
    }

    @Test
    void badTokenMissingProjectAndForbiddenAreClear() {
        MachinistException bad =
                fails(GitLabStore.project(connection("glpat-wrong"), "101", GitLabVariableOptions.defaults()));
        assertThat(bad.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
        assertThat(bad.getMessage()).startsWith("GitLab rejected the token (401): check GITLAB_TOKEN");

        MachinistException missing = fails(GitLabStore.project(
                connection(GitLabSimulator.DEMO_TOKEN), "nobody/none", GitLabVariableOptions.defaults()));
        assertThat(missing.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(missing.getMessage()).startsWith("GitLab project nobody/none not found or the token cannot see it");

        server.faults()
                .inject(
                        "gitlab.variables.get",
                        Fault.status(403, "application/json", "{\"message\":\"403 Forbidden\"}"));
        MachinistException forbidden = fails(store(GitLabVariableOptions.defaults()));
        assertThat(forbidden.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(forbidden.getMessage()).contains("Maintainer role");
    }

    @Test
    void serverSideValidationErrorsAreReadable() {
        // A value GitLab refuses for a reason Machinist does not check locally still reads well.
        server.faults()
                .inject(
                        "gitlab.variables.create",
                        Fault.status(
                                400,
                                "application/json",
                                "{\"message\":{\"value\":[\"is invalid\"],\"key\":[\"is reserved\"]}}"));
        MachinistException e = fails(store(GitLabVariableOptions.defaults()));
        assertThat(e.kind()).isEqualTo(ErrorKind.REFUSED);
        assertThat(e.getMessage())
                .isEqualTo("GitLab refused variable SOME_VAR in project 101 (400: value is invalid; key is reserved).");
    }

    @Test
    void invalidKeysAndProjectsAreUsageErrors() {
        assertThatThrownBy(() -> store(GitLabVariableOptions.defaults()).store("BAD-KEY", Secret.of("t", VALUE)))
                .hasMessageContaining("not a valid GitLab variable key");
        assertThatThrownBy(() -> GitLabStore.project(connection("x"), " ", GitLabVariableOptions.defaults()))
                .hasMessageContaining("numeric id or its path");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void jobTokenIsExplainedNotUsed() {
        assertThatThrownBy(
                        () -> GitLabConnection.fromEnvironment(Map.of("CI_JOB_TOKEN", "job-token-value"), null, http))
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining("set GITLAB_TOKEN")
                .hasMessageContaining("CI_JOB_TOKEN cannot be used")
                .hasMessageNotContaining("job-token-value");
        assertThat(GitLabConnection.fromEnvironment(Map.of("GITLAB_TOKEN", "t"), null, http)
                        .apiBase())
                .hasToString("https://gitlab.com/api/v4");
        assertThat(GitLabConnection.fromEnvironment(
                                Map.of("GITLAB_TOKEN", "t", "CI_API_V4_URL", "https://gl.example/api/v4"),
                                "https://other.example/api/v4/",
                                http)
                        .apiBase())
                .hasToString("https://other.example/api/v4");
    }

    @Test
    void neitherTokenNorValueReachesLogsOrMessages() {
        store(new GitLabVariableOptions(true, false, false, false, "*", null)).store("A", Secret.of("t", VALUE));
        store(GitLabVariableOptions.defaults()).store("A", Secret.of("t", VALUE));
        List<String> messages = new ArrayList<>();
        messages.add(fails(GitLabStore.project(connection("glpat-bad"), "101", GitLabVariableOptions.defaults()))
                .getMessage());
        messages.add(fails(GitLabStore.project(
                        connection(GitLabSimulator.DEMO_TOKEN), "x/y", GitLabVariableOptions.defaults()))
                .getMessage());
        assertThat(debugLog).isNotEmpty().noneMatch(l -> l.contains(VALUE) || l.contains(GitLabSimulator.DEMO_TOKEN));
        assertThat(messages).noneMatch(m -> m.contains(VALUE) || m.contains(GitLabSimulator.DEMO_TOKEN));
        assertThat(store(GitLabVariableOptions.defaults()).toString()).doesNotContain(GitLabSimulator.DEMO_TOKEN);
    }

    private static MachinistException fails(GitLabStore store) {
        try {
            store.store("SOME_VAR", Secret.of("t", VALUE));
        } catch (MachinistException e) {
            assertThat(e.getMessage()).doesNotContain(VALUE);
            return e;
        }
        throw new AssertionError("expected a failure from " + store.describe());
    }
}
