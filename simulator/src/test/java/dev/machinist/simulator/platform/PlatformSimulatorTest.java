package dev.machinist.simulator.platform;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator on its own, spoken to with a plain HTTP client. */
class PlatformSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Answer(int status, JsonNode body, HttpResponse<String> raw) {}

    private static Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = r.body().isEmpty() ? null : JSON.readTree(r.body());
        return new Answer(r.statusCode(), body, r);
    }

    private static Answer grant(SimulatorServer s, PlatformSimulator sim, String client, String token)
            throws Exception {
        return send(HttpRequest.newBuilder(URI.create(sim.authUrl(s.baseUri()) + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":").getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=api_token&api_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&scope=")));
    }

    private static HttpRequest.Builder api(SimulatorServer s, PlatformSimulator sim, String path, String bearer) {
        return HttpRequest.newBuilder(URI.create(sim.apiUrl(s.baseUri()) + path))
                .header("Authorization", "Bearer " + bearer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"platformsh", "upsun", "webpaas"})
    void grantsAccessTokensOnlyToTheProfilesClient(String key) throws Exception {
        PlatformSimulator sim = new PlatformSimulator(key);
        try (SimulatorServer s = SimulatorServer.start(0).with(sim)) {
            Answer ok = grant(s, sim, sim.clientId(), sim.demoApiToken());
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body().path("token_type").asText()).isEqualTo("bearer");
            assertThat(ok.body().path("expires_in").asLong()).isPositive();
            String jwt = ok.body().path("access_token").asText();
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
            assertThat(claims.path("sub").asText()).isEqualTo(sim.demoUserId());
            assertThat(claims.path("exp").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);

            Answer wrongClient = grant(s, sim, "someone-else", sim.demoApiToken());
            assertThat(wrongClient.status()).isEqualTo(401);
            assertThat(wrongClient.body().path("error").asText()).isEqualTo("invalid_client");

            Answer wrongToken = grant(s, sim, sim.clientId(), "nope");
            assertThat(wrongToken.status()).isEqualTo(401);
            assertThat(wrongToken.body().path("error").asText()).isEqualTo("request_unauthorized");
            assertThat(wrongToken.body().path("error_hint").asText()).contains("API token");

            Map<String, Object> described = sim.describe(s.baseUri());
            @SuppressWarnings("unchecked")
            Map<String, String> env = (Map<String, String>) described.get("env");
            assertThat(env).containsEntry(sim.tokenVariable(), sim.demoApiToken());
            assertThat(env.keySet()).allSatisfy(name -> assertThat(name)
                    .startsWith(sim.tokenVariable().replace("TOKEN", "")));
            assertThat(env.keySet())
                    .hasSize(3)
                    .anyMatch(n -> n.endsWith("_API_URL"))
                    .anyMatch(n -> n.endsWith("_AUTH_URL"));
            assertThat(described).containsEntry("userId", sim.demoUserId()).containsEntry("email", sim.demoEmail());
        }
    }

    @Test
    void rejectsOtherGrantTypes() throws Exception {
        PlatformSimulator sim = new PlatformSimulator("upsun");
        try (SimulatorServer s = SimulatorServer.start(0).with(sim)) {
            Answer a = send(HttpRequest.newBuilder(URI.create(sim.authUrl(s.baseUri()) + "/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("upsun-cli:".getBytes()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=x&password=y")));
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body().path("error").asText()).isEqualTo("unsupported_grant_type");
        }
    }

    @Test
    void apiNeedsAValidUnexpiredBearerAndOnlyShowsTheCallersOwnUser() throws Exception {
        PlatformSimulator sim = new PlatformSimulator("upsun").accessTokenLifetime(Duration.ofSeconds(1));
        try (SimulatorServer s = SimulatorServer.start(0).with(sim)) {
            String jwt = grant(s, sim, "upsun-cli", sim.demoApiToken())
                    .body()
                    .path("access_token")
                    .asText();
            assertThat(send(api(s, sim, "/users/me", jwt).GET())
                            .body()
                            .path("id")
                            .asText())
                    .isEqualTo(sim.demoUserId());
            assertThat(send(api(s, sim, "/users/" + sim.demoUserId(), jwt).GET())
                            .status())
                    .isEqualTo(200);
            assertThat(send(api(s, sim, "/users/00000000-0000-0000-0000-000000000000", jwt)
                                    .GET())
                            .status())
                    .isEqualTo(404);
            assertThat(send(api(s, sim, "/users/me", "forged." + jwt).GET()).status())
                    .isEqualTo(401);

            Thread.sleep(2100);
            Answer expired = send(api(s, sim, "/users/me", jwt).GET());
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.raw().headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
        }
    }

    @Test
    void apiTokensCanBeCreatedListedAndRevokedAndRevocationEndsTheirUse() throws Exception {
        PlatformSimulator sim = new PlatformSimulator("platformsh");
        try (SimulatorServer s = SimulatorServer.start(0).with(sim)) {
            String jwt = grant(s, sim, "platform-cli", sim.demoApiToken())
                    .body()
                    .path("access_token")
                    .asText();
            String base = "/users/" + sim.demoUserId() + "/api-tokens";
            Answer created = send(api(s, sim, base, jwt)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ci\"}")));
            assertThat(created.status()).isEqualTo(201);
            String plaintext = created.body().path("token").asText();
            String id = created.body().path("id").asText();
            assertThat(plaintext).hasSizeGreaterThan(30);

            Answer list = send(api(s, sim, base, jwt).GET());
            assertThat(list.body()).hasSize(2);
            assertThat(list.body().findValues("token")).isEmpty();
            assertThat(send(api(s, sim, base + "/" + id, jwt).GET())
                            .body()
                            .path("name")
                            .asText())
                    .isEqualTo("ci");

            String jwt2 = grant(s, sim, "platform-cli", plaintext)
                    .body()
                    .path("access_token")
                    .asText();
            assertThat(send(api(s, sim, base + "/" + id, jwt).DELETE()).status())
                    .isEqualTo(204);
            assertThat(send(api(s, sim, base + "/" + id, jwt).DELETE()).status())
                    .isEqualTo(404);
            assertThat(grant(s, sim, "platform-cli", plaintext).status()).isEqualTo(401);
            assertThat(sim.isAccessTokenValid(jwt2))
                    .as("access tokens of a revoked API token die with it")
                    .isFalse();
            assertThat(sim.isApiTokenActive(sim.demoApiToken())).isTrue();
        }
    }

    @Test
    void revocationOfAnAccessTokenFollowsRfc7009() throws Exception {
        PlatformSimulator sim = new PlatformSimulator("upsun");
        try (SimulatorServer s = SimulatorServer.start(0).with(sim)) {
            String jwt = grant(s, sim, "upsun-cli", sim.demoApiToken())
                    .body()
                    .path("access_token")
                    .asText();
            Answer revoked = send(HttpRequest.newBuilder(URI.create(sim.authUrl(s.baseUri()) + "/oauth2/revoke"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("upsun-cli:".getBytes()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + jwt)));
            assertThat(revoked.status()).isEqualTo(200);
            assertThat(send(api(s, sim, "/users/me", jwt).GET()).status()).isEqualTo(401);
        }
    }

    @Test
    void theCertifierSignsARealOpenSshCertificate(@TempDir Path dir) throws Exception {
        PlatformSimulator sim = new PlatformSimulator("upsun");
        try (SimulatorServer s = SimulatorServer.start(0).with(sim)) {
            run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "user");
            String publicKey = Files.readString(dir.resolve("user.pub")).trim();
            String jwt = grant(s, sim, "upsun-cli", sim.demoApiToken())
                    .body()
                    .path("access_token")
                    .asText();

            Answer cert = send(HttpRequest.newBuilder(URI.create(sim.authUrl(s.baseUri()) + "/ssh"))
                    .header("Authorization", "Bearer " + jwt)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("key", publicKey)))));
            assertThat(cert.status()).isEqualTo(200);
            Files.writeString(
                    dir.resolve("user-cert.pub"),
                    cert.body().path("certificate").asText() + "\n");
            String listing = run(dir, "ssh-keygen", "-L", "-f", "user-cert.pub");
            assertThat(listing)
                    .contains("user certificate")
                    .contains(sim.demoUsername())
                    .contains("permit-pty");

            Answer authority = send(HttpRequest.newBuilder(URI.create(sim.authUrl(s.baseUri()) + "/ssh/authority"))
                    .GET());
            assertThat(authority.body().path("authorities").get(0).asText()).isEqualTo(sim.certificateAuthority());

            Answer garbage = send(HttpRequest.newBuilder(URI.create(sim.authUrl(s.baseUri()) + "/ssh"))
                    .header("Authorization", "Bearer " + jwt)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"-o ProxyCommand=evil\"}")));
            assertThat(garbage.status()).isEqualTo(400);
            Answer anonymous = send(HttpRequest.newBuilder(URI.create(sim.authUrl(s.baseUri()) + "/ssh"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("key", publicKey)))));
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }

    @Test
    void startAllCarriesTheThreeVendorsAndOnlyWebPaasLacksACertifier() throws Exception {
        try (SimulatorServer s = Simulators.startAll(0)) {
            assertThat(s.describe()).containsKeys("platformsh", "upsun", "webpaas");
            assertThat(s.routeNames())
                    .contains("platformsh.token", "upsun.token", "webpaas.token", "upsun.ssh", "webpaas.me");
            assertThat(s.routeNames()).noneMatch(n -> n.startsWith("webpaas.ssh"));
        }
    }

    private static String run(Path dir, String... argv) throws Exception {
        Process p = new ProcessBuilder(List.of(argv))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
