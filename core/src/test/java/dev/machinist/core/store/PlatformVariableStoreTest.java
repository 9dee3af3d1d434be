package dev.machinist.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpClientSettings;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.simulator.Fault;
import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.VendorSimulator;
import dev.machinist.simulator.platform.PlatformVariable;
import dev.machinist.simulator.platform.PlatformVariablesRoutes;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlatformVariableStoreTest {
    private static final String ACCESS_TOKEN = "eyJ.access-token.sig";
    private static final String API_TOKEN_VALUE = "pfat_bot_api_token_6kq2LQ";
    private static final String PROJECT = "abcdefgh1234567";

    private SimulatorServer server;
    private PlatformVariablesRoutes platform;
    private final List<String> debugLog = new ArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private HttpTransport http;

    @BeforeEach
    void start() throws Exception {
        platform = new PlatformVariablesRoutes("/api", ACCESS_TOKEN::equals).addProject(PROJECT, "main", "staging");
        server = SimulatorServer.start(0).with(new VendorSimulator() {
            @Override
            public String key() {
                return "platform-variables";
            }

            @Override
            public void install(Router router, URI base) {
                platform.install(router, "platformsh");
            }

            @Override
            public Map<String, Object> describe(URI base) {
                return Map.of("env", Map.of());
            }
        });
        http = new HttpTransport(HttpClientSettings.defaults()
                .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2))
                .withDebugLog(debugLog::add));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PlatformApiAccess api(String accessToken) {
        return new PlatformApiAccess(
                http,
                URI.create(server.baseUri() + "/api/"),
                () -> {
                    tokenRequests.incrementAndGet();
                    return Secret.of("access token", accessToken);
                },
                "Upsun",
                "UPSUN_CLI_TOKEN");
    }

    @Test
    void storesTheBotTokenAsASensitiveTopLevelEnvironmentVariableAsTheSeedDoes() {
        PlatformVariableStore store = PlatformVariableStore.environment(
                api(ACCESS_TOKEN), PROJECT, "main", PlatformVariableOptions.sensitiveDefaults());

        assertThat(store.store("env:PLATFORMSH_CLI_TOKEN", Secret.of("t", API_TOKEN_VALUE)))
                .isEqualTo(StoreResult.CREATED);
        PlatformVariable v =
                platform.variable(PROJECT, "main", "env:PLATFORMSH_CLI_TOKEN").orElseThrow();
        assertThat(v.value()).isEqualTo(API_TOKEN_VALUE);
        assertThat(v.sensitive()).isTrue();
        assertThat(v.visibleRuntime()).isTrue();
        assertThat(platform.variable(PROJECT, null, "env:PLATFORMSH_CLI_TOKEN")).isEmpty();

        assertThat(store.store("env:PLATFORMSH_CLI_TOKEN", Secret.of("t", API_TOKEN_VALUE + "2")))
                .isEqualTo(StoreResult.UPDATED);
        PlatformVariable updated =
                platform.variable(PROJECT, "main", "env:PLATFORMSH_CLI_TOKEN").orElseThrow();
        assertThat(updated.value()).isEqualTo(API_TOKEN_VALUE + "2");
        assertThat(updated.writes()).isEqualTo(2);

        assertThat(server.requests())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly(
                        "GET /api/projects/abcdefgh1234567/environments/main/variables/env%3APLATFORMSH_CLI_TOKEN",
                        "POST /api/projects/abcdefgh1234567/environments/main/variables",
                        "GET /api/projects/abcdefgh1234567/environments/main/variables/env%3APLATFORMSH_CLI_TOKEN",
                        "PATCH /api/projects/abcdefgh1234567/environments/main/variables/env%3APLATFORMSH_CLI_TOKEN");
        assertThat(server.requests())
                .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + ACCESS_TOKEN));
        assertThat(tokenRequests).hasValue(2); // one current access token per store, from the provider's login
    }

    @Test
    void projectVariableFlagsAreSentAndUnsetFlagsAreKeptOnUpdate() {
        PlatformVariableOptions buildOnly = new PlatformVariableOptions(false, false, true, false, null, null);
        PlatformVariableStore.project(api(ACCESS_TOKEN), PROJECT, buildOnly).store("NPM_TOKEN", Secret.of("t", "v1"));
        PlatformVariable v = platform.variable(PROJECT, null, "NPM_TOKEN").orElseThrow();
        assertThat(v.visibleBuild()).isTrue();
        assertThat(v.visibleRuntime()).isFalse();
        assertThat(v.sensitive()).isFalse();

        PlatformVariableStore.project(api(ACCESS_TOKEN), PROJECT, PlatformVariableOptions.defaults())
                .store("NPM_TOKEN", Secret.of("t", "v2"));
        PlatformVariable after = platform.variable(PROJECT, null, "NPM_TOKEN").orElseThrow();
        assertThat(after.value()).isEqualTo("v2");
        assertThat(after.visibleRuntime()).isFalse();
    }

    @Test
    void environmentOnlyFlagsAreRefusedAtProjectLevel() {
        assertThatThrownBy(() -> PlatformVariableStore.project(
                        api(ACCESS_TOKEN), PROJECT, new PlatformVariableOptions(true, null, null, null, false, null)))
                .hasMessageContaining("environment variables only");
        PlatformVariableStore.environment(
                        api(ACCESS_TOKEN),
                        PROJECT,
                        "staging",
                        new PlatformVariableOptions(true, null, null, null, false, true))
                .store("env:X", Secret.of("t", API_TOKEN_VALUE));
        assertThat(platform.variable(PROJECT, "staging", "env:X").orElseThrow().inheritable())
                .isFalse();
    }

    @Test
    void rejectedAccessTokenNamesTheVendorTokenVariable() {
        MachinistException e = fails(
                PlatformVariableStore.project(api("expired"), PROJECT, PlatformVariableOptions.sensitiveDefaults()));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
        assertThat(e.getMessage())
                .isEqualTo(
                        "Upsun rejected the access token (401): check UPSUN_CLI_TOKEN; the API token may have been revoked.");
    }

    @Test
    void missingProjectOrEnvironmentIsNotFound() {
        MachinistException project = fails(
                PlatformVariableStore.project(api(ACCESS_TOKEN), "nosuchproject", PlatformVariableOptions.defaults()));
        assertThat(project.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(project.getMessage()).isEqualTo("Upsun project nosuchproject not found or the bot cannot see it.");

        MachinistException env = fails(PlatformVariableStore.environment(
                api(ACCESS_TOKEN), PROJECT, "feature-x", PlatformVariableOptions.defaults()));
        assertThat(env.getMessage()).startsWith("Upsun environment feature-x of project abcdefgh1234567 not found");
    }

    @Test
    void forbiddenSaysWhichRoleIsNeeded() {
        server.faults()
                .inject(
                        "platformsh.environmentVariables.get",
                        Fault.status(
                                403,
                                "application/json",
                                "{\"status\":\"error\",\"code\":403,\"message\":\"Forbidden\"}"));
        MachinistException e = fails(PlatformVariableStore.environment(
                api(ACCESS_TOKEN), PROJECT, "main", PlatformVariableOptions.defaults()));
        assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(e.getMessage()).contains("Admin role on the environment");
    }

    @Test
    void badNamesAndIdsAreUsageErrorsBeforeAnyRequest() {
        assertThatThrownBy(() ->
                        PlatformVariableStore.project(api(ACCESS_TOKEN), "a/b", PlatformVariableOptions.defaults()))
                .hasMessageContaining("not a project id");
        PlatformVariableStore store =
                PlatformVariableStore.project(api(ACCESS_TOKEN), PROJECT, PlatformVariableOptions.defaults());
        assertThatThrownBy(() -> store.store("has space", Secret.of("t", "v")))
                .hasMessageContaining("env:PLATFORMSH_CLI_TOKEN");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void valueAndTokensNeverReachLogsOrMessages() {
        PlatformVariableStore.environment(
                        api(ACCESS_TOKEN), PROJECT, "main", PlatformVariableOptions.sensitiveDefaults())
                .store("env:PLATFORMSH_CLI_TOKEN", Secret.of("t", API_TOKEN_VALUE));
        PlatformVariableStore.environment(
                        api(ACCESS_TOKEN), PROJECT, "main", PlatformVariableOptions.sensitiveDefaults())
                .store("env:PLATFORMSH_CLI_TOKEN", Secret.of("t", API_TOKEN_VALUE));
        String message = fails(
                        PlatformVariableStore.project(api("bad-token"), PROJECT, PlatformVariableOptions.defaults()))
                .getMessage();
        assertThat(debugLog).isNotEmpty().noneMatch(l -> l.contains(API_TOKEN_VALUE) || l.contains(ACCESS_TOKEN));
        assertThat(message).doesNotContain(API_TOKEN_VALUE).doesNotContain("bad-token");
    }

    private static MachinistException fails(PlatformVariableStore store) {
        try {
            store.store("env:PLATFORMSH_CLI_TOKEN", Secret.of("t", API_TOKEN_VALUE));
        } catch (MachinistException e) {
            assertThat(e.getMessage()).doesNotContain(API_TOKEN_VALUE);
            return e;
        }
        throw new AssertionError("expected a failure from " + store.describe());
    }
}
