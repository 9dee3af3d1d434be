package dev.machinist.simulator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.simulator.SimClient;
import dev.machinist.simulator.SimClient.Answer;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubSimulatorTest {
    private static final String AUTH = "token " + GitHubSimulator.DEMO_TOKEN;
    private static final String REPO_SECRETS = "/github/repos/machinist-demo/app/actions/secrets";

    private SimulatorServer server;
    private SimClient client;
    private GitHubSimulator github;

    @BeforeEach
    void start() throws Exception {
        server = Simulators.startAll(0);
        client = new SimClient(server.baseUri());
        github = server.vendor(GitHubSimulator.class);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void describeGivesEnvAndDemoData() {
        @SuppressWarnings("unchecked")
        Map<String, Object> gh = (Map<String, Object>) server.describe().get("github");
        assertThat(gh.get("env"))
                .isEqualTo(Map.of(
                        "GITHUB_TOKEN", GitHubSimulator.DEMO_TOKEN, "GITHUB_API_URL", server.baseUri() + "/github"));
        assertThat(gh).containsEntry("repository", "machinist-demo/app").containsEntry("repositoryId", 4242L);
        assertThat(server.describe()).containsKeys("github", "gitlab");
    }

    @Test
    void publicKeysAreDistinctPerScopeAndNeedAToken() throws Exception {
        Answer repo = client.send("GET", REPO_SECRETS + "/public-key", null, "Authorization", AUTH);
        Answer env = client.send(
                "GET",
                "/github/repos/machinist-demo/app/environments/production/secrets/public-key",
                null,
                "Authorization",
                "Bearer " + GitHubSimulator.DEMO_TOKEN);
        Answer org = client.send(
                "GET", "/github/orgs/machinist-demo/actions/secrets/public-key", null, "Authorization", AUTH);
        assertThat(List.of(repo.status(), env.status(), org.status())).containsOnly(200);
        assertThat(repo.json().get("key").asText())
                .isNotEqualTo(env.json().get("key").asText());
        assertThat(repo.json().get("key_id").asText())
                .isNotEqualTo(org.json().get("key_id").asText());

        Answer unauthenticated = client.send("GET", REPO_SECRETS + "/public-key", null);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.json().get("message").asText()).isEqualTo("Bad credentials");
        assertThat(client.send("GET", "/github/repos/x/y/actions/secrets/public-key", null, "Authorization", AUTH)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void putAnswers422ForAMissingOrStaleKeyIdAndForAnUnopenableBox() throws Exception {
        Answer missing =
                client.send("PUT", REPO_SECRETS + "/X", "{\"encrypted_value\":\"AAAA\"}", "Authorization", AUTH);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("message").asText()).isEqualTo("Invalid request.\n\n\"key_id\" wasn't supplied.");

        Answer stale = client.send(
                "PUT", REPO_SECRETS + "/X", "{\"encrypted_value\":\"AAAA\",\"key_id\":\"1\"}", "Authorization", AUTH);
        assertThat(stale.status()).isEqualTo(422);

        String keyId = client.send("GET", REPO_SECRETS + "/public-key", null, "Authorization", AUTH)
                .json()
                .get("key_id")
                .asText();
        Answer garbage = client.send(
                "PUT",
                REPO_SECRETS + "/X",
                "{\"encrypted_value\":\"" + "A".repeat(80) + "\",\"key_id\":\"" + keyId + "\"}",
                "Authorization",
                AUTH);
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(github.repositorySecret("machinist-demo/app", "X")).isEmpty();
    }

    @Test
    void opensABoxSealedByRealLibsodiumAndAnswers201Then204() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        boolean available = Files.isExecutable(python)
                && new ProcessBuilder(python.toString(), "-c", "import nacl.public")
                                .start()
                                .waitFor()
                        == 0;
        if (!available) {
            if ("1".equals(System.getenv("MACHINIST_REQUIRE_INTEROP"))) throw new AssertionError("PyNaCl missing");
            Assumptions.abort("PyNaCl not found for /usr/bin/python3 (apt-get install -y python3-nacl)");
        }
        Path script = Files.createTempFile("pynacl_seal", ".py");
        try (var in = getClass().getResourceAsStream("/interop/pynacl_seal.py")) {
            Files.write(script, in.readAllBytes());
        }
        var key = client.send("GET", REPO_SECRETS + "/public-key", null, "Authorization", AUTH)
                .json();
        for (int expected : new int[] {201, 204}) {
            Process p = new ProcessBuilder(
                            python.toString(), script.toString(), key.get("key").asText())
                    .start();
            p.getOutputStream().write("sealed by PyNaCl\n".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String box = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Answer put = client.send(
                    "PUT",
                    REPO_SECRETS + "/FROM_PYNACL",
                    "{\"encrypted_value\":\"" + box + "\",\"key_id\":\""
                            + key.get("key_id").asText() + "\"}",
                    "Authorization",
                    AUTH);
            assertThat(put.status()).isEqualTo(expected);
        }
        assertThat(github.repositorySecret("machinist-demo/app", "from_pynacl")
                        .orElseThrow()
                        .value())
                .isEqualTo("sealed by PyNaCl");
    }
}
