package dev.machinist.simulator.bitwarden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimRequest;
import dev.machinist.simulator.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /_sim/bitwarden/...}: what tests in another process (the CLI, a container, a pipeline) need to make
 * Bitwarden refuse a login or a call. Mirrors the Java methods of {@link BitwardenSimulator}.
 *
 * <pre>
 * POST /_sim/bitwarden/tokens                 {"expiresInSeconds": 60}   -> 201 {"accessToken": "0.…"}
 * POST /_sim/bitwarden/tokens/revoke          {"token": "0.… or id"}     -> 204
 * POST /_sim/bitwarden/tokens/expire          {"token": "0.… or id"}     -> 204
 * POST /_sim/bitwarden/jwt-lifetime           {"seconds": 5}             -> 204
 * POST /_sim/bitwarden/invalidate-jwts                                   -> 204
 * </pre>
 */
final class ControlRoutes {
    private final BitwardenSimulator sim;

    ControlRoutes(BitwardenSimulator sim) {
        this.sim = sim;
    }

    void install(Router router) {
        String base = "/_sim/bitwarden";
        router.add("bitwarden.sim.issueToken", "POST", base + "/tokens", this::issue);
        router.add(
                "bitwarden.sim.revokeToken",
                "POST",
                base + "/tokens/revoke",
                r -> withToken(r, sim::revokeAccessToken));
        router.add(
                "bitwarden.sim.expireToken",
                "POST",
                base + "/tokens/expire",
                r -> withToken(r, sim::expireAccessToken));
        router.add("bitwarden.sim.jwtLifetime", "POST", base + "/jwt-lifetime", this::jwtLifetime);
        router.add("bitwarden.sim.invalidateJwts", "POST", base + "/invalidate-jwts", r -> {
            sim.invalidateIssuedJwts();
            return SimResponse.empty(204);
        });
    }

    private SimResponse issue(SimRequest request) {
        JsonNode body = request.json();
        Instant expiresAt = body != null && body.hasNonNull("expiresInSeconds")
                ? Instant.now().plusSeconds(body.get("expiresInSeconds").asLong())
                : null;
        return SimResponse.json(201, Map.of("accessToken", sim.issueAccessToken(expiresAt)));
    }

    private SimResponse jwtLifetime(SimRequest request) {
        JsonNode body = request.json();
        if (body == null || !body.path("seconds").canConvertToLong()) return bad("seconds required");
        sim.setJwtLifetime(Duration.ofSeconds(body.get("seconds").asLong()));
        return SimResponse.empty(204);
    }

    private static SimResponse withToken(SimRequest request, Consumer<String> action) {
        JsonNode body = request.json();
        if (body == null || !body.path("token").isTextual()) return bad("token required");
        action.accept(body.get("token").asText());
        return SimResponse.empty(204);
    }

    private static SimResponse bad(String message) {
        return SimResponse.json(400, Map.of("message", message));
    }
}
