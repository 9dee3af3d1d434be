package dev.machinist.simulator.bitwarden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's own contract, spoken to with a bare JDK HTTP client. */
class BitwardenSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private BitwardenSimulator sim;
    private SimulatorServer server;
    private String url;

    @BeforeEach
    void start() throws Exception {
        sim = new BitwardenSimulator();
        server = SimulatorServer.start(0).with(sim);
        url = BitwardenSimulator.serverUrl(server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void describeGivesTheBwsVariablesAndTheDemoIds() {
        Map<String, Object> d = sim.describe(server.baseUri());

        assertThat(d.get("env")).isEqualTo(Map.of("BWS_ACCESS_TOKEN", sim.demoAccessToken(), "BWS_SERVER_URL", url));
        assertThat(d.get("organizationId")).isEqualTo(DemoData.ORGANIZATION_ID);
        assertThat(d.get("projectIds")).asList().containsExactly(DemoData.PROJECT_DEPLOY, DemoData.PROJECT_STAGING);
        assertThat(d.get("secretIds").toString())
                .contains(
                        "DATABASE_URL=" + sim.secretId("DATABASE_URL"),
                        "DEPLOY_KEY=",
                        "SERVICE_ACCOUNT_JSON=",
                        "STAGING_API_TOKEN=");
        assertThat(sim.demoAccessToken()).matches("0\\.[0-9a-f-]{36}\\.[A-Za-z0-9_-]{30}:[A-Za-z0-9+/]{22}==");
    }

    @Test
    void isPartOfEveryServerStartAllBuildsWithPrefixedRouteNames() throws Exception {
        try (SimulatorServer all = Simulators.startAll(0)) {
            assertThat(all.describe()).containsKey("bitwarden");
            assertThat(all.routeNames().stream().filter(r -> r.startsWith("bitwarden.")))
                    .contains("bitwarden.identity.token", "bitwarden.secrets.getByIds", "bitwarden.projects.get");
        }
    }

    @Test
    void tokenAnswerHasAnEncryptedPayloadAndNoKdfFields() throws Exception {
        HttpResponse<String> r = login(sim.demoAccessToken());

        JsonNode body = JSON.readTree(r.body());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(body.get("encrypted_payload").asText()).matches("2\\.[^|]+\\|[^|]+\\|[^|]+");
        assertThat(body.has("Kdf") || body.has("kdf") || body.has("KdfIterations") || body.has("kdfIterations"))
                .isFalse();
        JsonNode claims = JSON.readTree(
                Base64.getUrlDecoder().decode(body.get("access_token").asText().split("\\.")[1]));
        assertThat(claims.get("scope").isArray()).isTrue();
        assertThat(claims.get("organization").asText()).isEqualTo(DemoData.ORGANIZATION_ID);
        assertThat(claims.get("sub").asText()).isEqualTo(DemoData.MACHINE_ACCOUNT_ID);
        assertThat(claims.get("client_id").asText())
                .isEqualTo(sim.demoAccessToken().substring(2, 38));
        assertThat(claims.get("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());
    }

    @Test
    void revokedExpiredAndUnknownTokensGetInvalidClient() throws Exception {
        String revoked = sim.issueAccessToken(null);
        sim.revokeAccessToken(revoked);
        String expired = sim.issueAccessToken(Instant.now().minusSeconds(1));
        String wrongSecret = sim.demoAccessToken().replaceFirst("\\.[^.:]+:", ".wrongwrongwrongwrongwrongwrong:");

        for (String token : new String[] {revoked, expired, wrongSecret}) {
            HttpResponse<String> r = login(token);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("invalid_client");
        }
    }

    @Test
    void apiNeedsAValidBearer() throws Exception {
        String secrets = url + "/api/organizations/" + DemoData.ORGANIZATION_ID + "/secrets";
        HttpResponse<String> none = get(secrets, null);
        HttpResponse<String> forged = get(secrets, "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjk5OTk5OTk5OTl9.forged");
        String jwt = JSON.readTree(login(sim.demoAccessToken()).body())
                .get("access_token")
                .asText();
        HttpResponse<String> ok = get(secrets, jwt);
        sim.invalidateIssuedJwts();
        HttpResponse<String> rotated = get(secrets, jwt);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(rotated.statusCode()).isEqualTo(401);
    }

    @Test
    void getByIdsIsNotFoundUnlessEveryIdExists() throws Exception {
        String jwt = JSON.readTree(login(sim.demoAccessToken()).body())
                .get("access_token")
                .asText();
        String known = sim.secretId("DATABASE_URL");

        HttpResponse<String> unknown = getByIds(jwt, "[\"" + known + "\",\"00000000-0000-4000-8000-000000000000\"]");
        HttpResponse<String> twice = getByIds(jwt, "[\"" + known + "\",\"" + known + "\"]");
        HttpResponse<String> once = getByIds(jwt, "[\"" + known + "\"]");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(twice.statusCode()).isEqualTo(404);
        assertThat(once.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> getByIds(String jwt, String idsJson) throws Exception {
        String body = "{\"ids\":" + idsJson + "}";
        return http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/secrets/get-by-ids"))
                        .header("Authorization", "Bearer " + jwt)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void storesOnlyCiphertextAndNeverPlaintextInAnswers() throws Exception {
        String jwt = JSON.readTree(login(sim.demoAccessToken()).body())
                .get("access_token")
                .asText();

        String body =
                get(url + "/api/secrets/" + sim.secretId("DATABASE_URL"), jwt).body();

        assertThat(body)
                .doesNotContain("DATABASE_URL")
                .doesNotContain("postgres://")
                .contains("\"key\":\"2.");
    }

    @Test
    void anotherProcessCanIssueRevokeAndExpireTokensAndInvalidateJwts() throws Exception {
        String control = server.baseUri() + "/_sim/bitwarden";
        String issued = JSON.readTree(post(control + "/tokens", "{}").body())
                .get("accessToken")
                .asText();
        String jwt = JSON.readTree(login(issued).body()).get("access_token").asText();
        String orgSecrets = url + "/api/organizations/" + DemoData.ORGANIZATION_ID + "/secrets";
        assertThat(get(orgSecrets, jwt).statusCode()).isEqualTo(200);

        assertThat(post(control + "/invalidate-jwts", "").statusCode()).isEqualTo(204);
        assertThat(get(orgSecrets, jwt).statusCode()).isEqualTo(401);
        assertThat(post(control + "/tokens/revoke", "{\"token\":\"" + issued + "\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(login(issued).statusCode()).isEqualTo(400);
        assertThat(post(
                                control + "/tokens/expire",
                                "{\"token\":\"" + sim.demoAccessToken().substring(2, 38) + "\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(login(sim.demoAccessToken()).body()).contains("invalid_client");
        assertThat(post(control + "/jwt-lifetime", "{}").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String uri, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(uri))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String token) throws Exception {
        String id = token.substring(2, 38);
        String secret = token.substring(39, token.indexOf(':'));
        String form = "scope=api.secrets&client_id=" + id + "&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&grant_type=client_credentials";
        return http.send(
                HttpRequest.newBuilder(URI.create(url + "/identity/connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String uri, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).GET();
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
