package dev.machinist.simulator.pantheon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.simulator.SimulatorServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the simulator against an independent Pantheon client, Lando's (npm @lando/pantheon,
 * lib/client.js): it must log in, read the user, and fail on a rejected token. Lando sends the session as
 * a {@code Cookie: X-Pantheon-Session=...}, not as Terminus's Bearer header, so this also proves the
 * simulator accepts both.
 */
class PantheonLandoInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulatorServer server;
    private PantheonSimulator pantheon;

    @BeforeEach
    void start() throws Exception {
        pantheon = new PantheonSimulator();
        server = SimulatorServer.start(0).with(pantheon);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void landoClientLogsInAndReadsTheUser() throws Exception {
        JsonNode out = runLando(pantheon.demoToken());

        assertThat(out.get("ok").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.get("userId").asText()).isEqualTo(pantheon.demoUserId());
        assertThat(out.get("email").asText()).isEqualTo(pantheon.demoEmail());
        assertThat(out.get("fullName").asText()).isEqualTo(pantheon.demoFullName());
        assertThat(out.get("sessionShape").asBoolean()).isTrue();
        assertThat(out.get("expiresAt").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
        SimulatorServer.RecordedRequest userCall = server.requests().stream()
                .filter(r -> r.method().equals("GET"))
                .findFirst()
                .orElseThrow();
        assertThat(userCall.header("Cookie"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("X-Pantheon-Session="));
    }

    @Test
    void landoClientSeesARejectedToken() throws Exception {
        JsonNode out = runLando(PantheonSimulator.badToken(PantheonSimulator.BadTokenAnswer.UNAUTHORIZED));

        assertThat(out.get("ok").asBoolean()).isFalse();
        assertThat(out.get("message").asText()).contains("401").contains("Authorization failed");
    }

    private JsonNode runLando(String token) throws Exception {
        Path modules = NodeInterop.requireNodeModules("@lando/pantheon/lib/client.js");
        Path node = NodeInterop.requireNode();
        String stdout = NodeInterop.run(
                node,
                modules,
                NodeInterop.script("pantheon-lando-client.js"),
                Map.of("PANTHEON_API", server.baseUri() + "/api/", "PANTHEON_TOKEN", token));
        assertThat(stdout).doesNotContain(token);
        return JSON.readTree(stdout.lines().reduce((a, b) -> b).orElse("{}"));
    }
}
