package dev.machinist.simulator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.simulator.SimulatorServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The vendor's own JavaScript client (platformsh-client, bundled by npm @lando/platformsh) talks to the
 * simulator: if the simulator drifted from the real protocol in what this client uses, this fails.
 */
class PlatformshClientInteropTest {

    @Test
    void theVendorsJavaScriptClientLogsInAndReadsTheUserAndItsTokens() throws Exception {
        Path nodeModules = InteropNode.nodeModulesWith("@lando/platformsh");
        String node = InteropNode.node();
        Path script = Path.of("src/test/node/platformsh-client-interop.js").toAbsolutePath();
        PlatformSimulator sim = new PlatformSimulator("platformsh");
        try (SimulatorServer server = SimulatorServer.start(0).with(sim)) {
            ProcessBuilder pb = new ProcessBuilder(List.of(
                    node,
                    script.toString(),
                    nodeModules.toString(),
                    sim.authUrl(server.baseUri()),
                    sim.apiUrl(server.baseUri())));
            pb.environment().put("INTEROP_API_TOKEN", sim.demoApiToken());
            pb.redirectError(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] stdout = p.getInputStream().readAllBytes();
            String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(stderr).isZero();

            JsonNode out = new ObjectMapper().readTree(stdout);
            assertThat(out.path("token_type").asText()).isEqualToIgnoringCase("bearer");
            assertThat(out.path("expires_in").asLong()).isPositive();
            assertThat(out.path("jwt_exp_after_now").asBoolean()).isTrue();
            for (String view : List.of("user", "me")) {
                JsonNode u = out.path(view);
                assertThat(u.path("id").asText()).isEqualTo(sim.demoUserId());
                assertThat(u.path("email").asText()).isEqualTo(sim.demoEmail());
                assertThat(u.path("username").asText()).isEqualTo(sim.demoUsername());
                assertThat(u.path("first_name").asText()).isEqualTo("CI");
            }
            assertThat(out.path("api_tokens")).hasSize(1);
            assertThat(out.path("api_tokens").get(0).path("id").asText()).isEqualTo(sim.demoApiTokenId());
            assertThat(out.path("api_tokens").get(0).path("has_plaintext").asBoolean())
                    .isFalse();
            assertThat(new String(stdout, StandardCharsets.UTF_8) + stderr).doesNotContain(sim.demoApiToken());

            SimulatorServer.RecordedRequest grant = server.requests().stream()
                    .filter(r -> r.path().endsWith("/oauth2/token"))
                    .findFirst()
                    .orElseThrow();
            String basic = grant.header("Authorization").orElseThrow().substring(6);
            assertThat(new String(Base64.getDecoder().decode(basic), StandardCharsets.UTF_8))
                    .isEqualTo("platform-cli:");
            // Unlike the PHP client's form body (protocols.md §2), this client posts the grant as JSON; the
            // simulator accepts both, as the vendor's server must for both of its own clients to work.
            assertThat(grant.header("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("json"));
        }
    }
}
