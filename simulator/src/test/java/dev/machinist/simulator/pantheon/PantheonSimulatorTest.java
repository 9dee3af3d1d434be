package dev.machinist.simulator.pantheon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's wire behaviour, checked with the JDK client (the core is tested against it separately). */
class PantheonSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
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
    void loginReturnsASessionOfPantheonsShape() throws Exception {
        HttpResponse<String> r = login(pantheon.demoToken());

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("session").asText()).matches("[^:]+:[^:]+:[^:]+");
        assertThat(body.get("user_id").asText()).isEqualTo(pantheon.demoUserId());
        assertThat(body.get("expires_at").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
    }

    @Test
    void badTokensAreAnsweredInEachOfPantheonsWays() throws Exception {
        HttpResponse<String> unauthorized =
                login(PantheonSimulator.badToken(PantheonSimulator.BadTokenAnswer.UNAUTHORIZED));
        HttpResponse<String> serverError =
                login(PantheonSimulator.badToken(PantheonSimulator.BadTokenAnswer.SERVER_ERROR));
        HttpResponse<String> nonJson = login(PantheonSimulator.badToken(PantheonSimulator.BadTokenAnswer.NON_JSON));

        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(unauthorized.body()).asText()).startsWith("Authorization failed");
        assertThat(serverError.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(serverError.body()).asText()).startsWith("Authorization failed");
        assertThat(nonJson.statusCode()).isEqualTo(200);
        assertThat(nonJson.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void theDefaultAnswerForUnknownTokensCanBeChanged() throws Exception {
        pantheon.answerBadTokensWith(PantheonSimulator.BadTokenAnswer.SERVER_ERROR);

        assertThat(login("not-a-token").statusCode()).isEqualTo(500);
    }

    @Test
    void theSessionIsAcceptedAsBearerHeaderOrCookie() throws Exception {
        String session =
                JSON.readTree(login(pantheon.demoToken()).body()).get("session").asText();
        URI user = server.baseUri().resolve("/api/users/" + pantheon.demoUserId());

        for (Map.Entry<String, String> h : Map.of(
                        "Authorization", "Bearer " + session,
                        "X-Pantheon-Session", session,
                        "Cookie", "X-Pantheon-Session=" + session)
                .entrySet()) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(user).header(h.getKey(), h.getValue()));
            assertThat(r.statusCode()).as(h.getKey()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("email").asText()).isEqualTo(pantheon.demoEmail());
        }
    }

    @Test
    void anExpiredSessionGetsPantheonsInvalidSessionAnswer() throws Exception {
        String session =
                JSON.readTree(login(pantheon.demoToken()).body()).get("session").asText();
        pantheon.expireAllSessions();

        HttpResponse<String> r = send(HttpRequest.newBuilder(
                        server.baseUri().resolve("/api/users/" + pantheon.demoUserId() + "/machine_tokens"))
                .header("Authorization", "Bearer " + session));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(r.body()).asText())
                .isEqualTo("Invalid or expired session header: X-Pantheon-Session\n");
    }

    @Test
    void sessionsCanBeExpiredAndShortenedFromAnotherProcess() throws Exception {
        String session =
                JSON.readTree(login(pantheon.demoToken()).body()).get("session").asText();

        assertThat(send(HttpRequest.newBuilder(server.baseUri().resolve("/_sim/pantheon/expire-sessions"))
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(204);
        assertThat(pantheon.isSessionLive(session)).isFalse();

        assertThat(send(HttpRequest.newBuilder(server.baseUri().resolve("/_sim/pantheon/session-lifetime"))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\":-10}")))
                        .statusCode())
                .isEqualTo(204);
        JsonNode fresh = JSON.readTree(login(pantheon.demoToken()).body());
        assertThat(fresh.get("expires_at").asLong()).isLessThan(System.currentTimeMillis() / 1000);
        assertThat(pantheon.isSessionLive(fresh.get("session").asText())).isFalse();
    }

    @Test
    void aRevokedTokenNoLongerLogsIn() throws Exception {
        PantheonSimulator.MachineToken extra = pantheon.addMachineToken("temporary");
        String session =
                JSON.readTree(login(pantheon.demoToken()).body()).get("session").asText();
        URI tokenUri =
                server.baseUri().resolve("/api/users/" + pantheon.demoUserId() + "/machine_tokens/" + extra.id());

        HttpResponse<String> deleted =
                send(HttpRequest.newBuilder(tokenUri).DELETE().header("Authorization", "Bearer " + session));

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(deleted.body()).asText()).isEqualTo("OK.");
        assertThat(pantheon.hasMachineToken(extra.id())).isFalse();
        assertThat(login(extra.token()).statusCode()).isEqualTo(401);
        assertThat(extra.toString()).doesNotContain(extra.token());
    }

    @Test
    void describeGivesTerminusVariablesPointingHere() throws Exception {
        try (SimulatorServer all = Simulators.startAll(0)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) all.describe().get("pantheon");
            @SuppressWarnings("unchecked")
            Map<String, String> env = (Map<String, String>) d.get("env");
            assertThat(env)
                    .containsEntry("TERMINUS_HOST", "127.0.0.1")
                    .containsEntry("TERMINUS_PORT", String.valueOf(all.baseUri().getPort()))
                    .containsEntry("TERMINUS_PROTOCOL", "http")
                    .containsKey("TERMINUS_MACHINE_TOKEN");
            assertThat(d).containsKeys("userId", "email", "badTokens");
        }
    }

    private HttpResponse<String> login(String token) throws Exception {
        String body = JSON.writeValueAsString(Map.of("machine_token", token, "client", "terminus"));
        return send(HttpRequest.newBuilder(server.baseUri().resolve("/api/authorize/machine-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
