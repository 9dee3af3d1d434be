package dev.machinist.simulator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimClient;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.VendorSimulator;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlatformVariablesRoutesTest {
    private static final String BEARER = "Bearer access";
    private static final String ENV_VARS = "/api/projects/p1/environments/main/variables";

    private SimulatorServer server;
    private SimClient client;
    private final PlatformVariablesRoutes routes =
            new PlatformVariablesRoutes("/api", "access"::equals).addProject("p1", "main");

    @BeforeEach
    void start() throws Exception {
        server = SimulatorServer.start(0).with(new VendorSimulator() {
            @Override
            public String key() {
                return "platform-variables";
            }

            @Override
            public void install(Router router, URI base) {
                routes.install(router, "platformsh");
            }

            @Override
            public Map<String, Object> describe(URI base) {
                return Map.of("env", Map.of());
            }
        });
        client = new SimClient(server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sensitiveValuesAreStoredButNeverReturned() throws Exception {
        var created = client.send(
                "POST",
                ENV_VARS,
                "{\"name\":\"env:PLATFORMSH_CLI_TOKEN\",\"value\":\"secret-value\",\"is_sensitive\":true}",
                "Authorization",
                BEARER);
        assertThat(created.status()).isEqualTo(201);
        var read = client.send("GET", ENV_VARS + "/env%3APLATFORMSH_CLI_TOKEN", null, "Authorization", BEARER);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("value")).isFalse();
        assertThat(read.json().get("is_sensitive").asBoolean()).isTrue();
        assertThat(routes.variable("p1", "main", "env:PLATFORMSH_CLI_TOKEN")
                        .orElseThrow()
                        .value())
                .isEqualTo("secret-value");
        var unsensitive = client.send(
                "PATCH", ENV_VARS + "/env%3APLATFORMSH_CLI_TOKEN", "{\"is_sensitive\":false}", "Authorization", BEARER);
        assertThat(unsensitive.status()).isEqualTo(400);
        assertThat(client.send(
                                "POST",
                                ENV_VARS,
                                "{\"name\":\"env:PLATFORMSH_CLI_TOKEN\",\"value\":\"x\"}",
                                "Authorization",
                                BEARER)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void authAndMissingResources() throws Exception {
        assertThat(client.send("GET", ENV_VARS + "/X", null).status()).isEqualTo(401);
        assertThat(client.send("GET", ENV_VARS + "/X", null, "Authorization", BEARER)
                        .status())
                .isEqualTo(404);
        assertThat(client.send("GET", "/api/projects/p2/variables/X", null, "Authorization", BEARER)
                        .json()
                        .get("message")
                        .asText())
                .isEqualTo("Project not found.");
        assertThat(client.send(
                                "POST",
                                "/api/projects/p1/environments/dev/variables",
                                "{\"name\":\"a\",\"value\":\"b\"}",
                                "Authorization",
                                BEARER)
                        .status())
                .isEqualTo(404);
    }
}
