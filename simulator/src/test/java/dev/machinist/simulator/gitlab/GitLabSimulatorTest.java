package dev.machinist.simulator.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.simulator.SimClient;
import dev.machinist.simulator.SimClient.Answer;
import dev.machinist.simulator.SimulatorServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitLabSimulatorTest {
    private static final String VARS = "/gitlab/api/v4/projects/101/variables";

    private SimulatorServer server;
    private SimClient client;

    @BeforeEach
    void start() throws Exception {
        server = SimulatorServer.start(0).with(new GitLabSimulator());
        client = new SimClient(server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Answer send(String method, String path, String body) throws Exception {
        return client.send(method, path, body, "PRIVATE-TOKEN", GitLabSimulator.DEMO_TOKEN);
    }

    @Test
    void masksOnlyWhatGitLabCanMask() throws Exception {
        Answer invalid = send("POST", VARS, "{\"key\":\"A\",\"value\":\"has space!\",\"masked\":true}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).isEqualTo("{\"message\":{\"value\":[\"is invalid\"]}}");
        assertThat(send("POST", VARS, "{\"key\":\"A\",\"value\":\"short\",\"masked\":true}")
                        .status())
                .isEqualTo(400);
        assertThat(send("POST", VARS, "{\"key\":\"A\",\"value\":\"pa$$word!#\",\"masked\":true}")
                        .status())
                .isEqualTo(400);
        assertThat(send("POST", VARS, "{\"key\":\"A\",\"value\":\"pa$$word!#\",\"masked\":true,\"raw\":true}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void keysAreUniquePerScopeAndAmbiguousReadsAskForAFilter() throws Exception {
        assertThat(send("POST", VARS, "{\"key\":\"K\",\"value\":\"v\"}").status())
                .isEqualTo(201);
        Answer dup = send("POST", VARS, "{\"key\":\"K\",\"value\":\"v\"}");
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.body()).contains("(K) has already been taken");
        assertThat(send("POST", VARS, "{\"key\":\"K\",\"value\":\"v2\",\"environment_scope\":\"prod\"}")
                        .status())
                .isEqualTo(201);
        assertThat(send("GET", VARS + "/K", null).status()).isEqualTo(409);
        Answer prod = send("GET", VARS + "/K?filter%5Benvironment_scope%5D=prod", null);
        assertThat(prod.json().get("value").asText()).isEqualTo("v2");
        assertThat(send("PUT", VARS + "/K", "{\"value\":\"v3\",\"filter\":{\"environment_scope\":\"prod\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(server.vendor(GitLabSimulator.class)
                        .variable(101, "K", "prod")
                        .orElseThrow()
                        .value())
                .isEqualTo("v3");
    }

    @Test
    void hiddenValuesAreNeverReturned() throws Exception {
        Answer created = send("POST", VARS, "{\"key\":\"H\",\"value\":\"hidden-value-1\",\"masked_and_hidden\":true}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("value").isNull()).isTrue();
        assertThat(send("GET", VARS + "/H", null).json().get("hidden").asBoolean())
                .isTrue();
        assertThat(send("PUT", VARS + "/H", "{\"value\":\"hidden-value-2\",\"masked\":false}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void authAndNotFoundShapes() throws Exception {
        Answer unauthorized = client.send("GET", VARS, null, "JOB-TOKEN", "job-token");
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.body()).isEqualTo("{\"message\":\"401 Unauthorized\"}");
        Answer project = send("GET", "/gitlab/api/v4/projects/999/variables/X", null);
        assertThat(project.status()).isEqualTo(404);
        assertThat(project.body()).isEqualTo("{\"message\":\"404 Project Not Found\"}");
        assertThat(send("GET", "/gitlab/api/v4/projects/machinist-demo%2Fapp/variables/X", null)
                        .body())
                .isEqualTo("{\"message\":\"404 Variable Not Found\"}");
    }
}
