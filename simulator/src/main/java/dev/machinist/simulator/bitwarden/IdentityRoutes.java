package dev.machinist.simulator.bitwarden;

import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimRequest;
import dev.machinist.simulator.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST {base}/bitwarden/identity/connect/token}: the client-credentials grant of a machine account's
 * access token. Unknown, revoked and expired tokens get the identity server's 400 invalid_client. The success
 * answer deliberately has no Kdf fields, which would make the SDK read it as a user login.
 */
final class IdentityRoutes {
    private final BitwardenSimulator sim;

    IdentityRoutes(BitwardenSimulator sim) {
        this.sim = sim;
    }

    void install(Router router, String prefix) {
        router.add("bitwarden.identity.token", "POST", prefix + "/identity/connect/token", this::token);
    }

    private SimResponse token(SimRequest request) {
        Map<String, String> form = request.form();
        if (!"client_credentials".equals(form.get("grant_type"))) return error("unsupported_grant_type");
        if (!"api.secrets".equals(form.get("scope"))) return error("invalid_scope");
        Instant now = Instant.now();
        Optional<SimAccessTokens.Issued> token =
                sim.tokens().authenticate(form.get("client_id"), form.get("client_secret"), now);
        if (token.isEmpty()) return error("invalid_client");
        Duration lifetime = sim.jwtLifetime();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("iss", "http://localhost/identity");
        claims.put("client_id", token.get().id());
        claims.put("sub", sim.machineAccountId());
        claims.put("organization", sim.organizationId());
        claims.put("jti", UUID.randomUUID().toString().replace("-", "").toUpperCase());
        claims.put("iat", now.getEpochSecond());
        claims.put("scope", List.of("api.secrets"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", sim.jwt().issue(claims));
        body.put("expires_in", lifetime.toSeconds());
        body.put("refresh_token", null);
        body.put("token_type", "Bearer");
        body.put("scope", "api.secrets");
        body.put("encrypted_payload", token.get().encryptedPayload());
        return SimResponse.json(200, body);
    }

    private static SimResponse error(String code) {
        return SimResponse.json(400, Map.of("error", code));
    }
}
