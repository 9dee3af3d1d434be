package dev.machinist.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimRequest;
import dev.machinist.simulator.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The auth server: {@code POST /oauth2/token} (grant {@code api_token}, client in HTTP Basic) and
 * {@code POST /oauth2/revoke} (RFC 7009). Errors use the current provider's shape
 * ({@code request_unauthorized} with an {@code error_hint}); the legacy shapes are reachable through
 * fault injection.
 */
final class OAuthRoutes {
    private final SimProfile profile;
    private final PlatformState state;
    private final AccessTokens accessTokens;

    OAuthRoutes(SimProfile profile, PlatformState state, AccessTokens accessTokens) {
        this.profile = profile;
        this.state = state;
        this.accessTokens = accessTokens;
    }

    void install(Router router, String prefix) {
        router.add(profile.key() + ".token", "POST", prefix + "/oauth2/token", this::token);
        router.add(profile.key() + ".revoke", "POST", prefix + "/oauth2/revoke", this::revoke);
    }

    private SimResponse token(SimRequest request) {
        if (!clientMatches(request)) return invalidClient();
        Map<String, String> params = params(request);
        if (!"api_token".equals(params.get("grant_type"))) {
            return error(400, "unsupported_grant_type", "The authorization grant type is not supported.", null);
        }
        String value = params.getOrDefault("api_token", "");
        Optional<PlatformState.ApiToken> token = state.activeTokenByValue(value);
        if (token.isEmpty()) {
            return error(401, "request_unauthorized", "The request could not be authorized.", "Invalid API token.");
        }
        token.get().lastUsedAt = Instant.now();
        AccessTokens.Minted minted = accessTokens.mint(token.get(), profile.clientId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", minted.jwt());
        body.put("expires_in", minted.expiresIn());
        body.put("token_type", "bearer");
        body.put("scope", "");
        return SimResponse.json(200, body).withHeader("Cache-Control", "no-store");
    }

    private SimResponse revoke(SimRequest request) {
        if (!clientMatches(request)) return invalidClient();
        String token = params(request).get("token");
        if (token == null || token.isEmpty()) {
            return error(400, "invalid_request", "The request is missing the 'token' parameter.", null);
        }
        accessTokens.revoke(token);
        return SimResponse.empty(200);
    }

    private boolean clientMatches(SimRequest request) {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) return false;
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        String clientId = colon < 0 ? decoded : decoded.substring(0, colon);
        return profile.clientId().equals(clientId);
    }

    /**
     * Form parameters, as the PHP and Go clients send them. The JavaScript platformsh-client posts the same
     * fields as JSON, and the vendor's server evidently accepts that too, so JSON is read as well.
     */
    private static Map<String, String> params(SimRequest request) {
        boolean json =
                request.header("Content-Type").map(t -> t.contains("json")).orElse(false);
        if (!json) return request.form();
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode node = request.json();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private SimResponse invalidClient() {
        return error(
                        401,
                        "invalid_client",
                        "Client authentication failed (e.g., unknown client, no client authentication included,"
                                + " or unsupported authentication method).",
                        null)
                .withHeader("WWW-Authenticate", "Basic realm=\"" + profile.key() + "\"");
    }

    static SimResponse error(int status, String error, String description, String hint) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        if (hint != null) body.put("error_hint", hint);
        body.put("status_code", status);
        return SimResponse.json(status, body);
    }
}
