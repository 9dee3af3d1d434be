package dev.machinist.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimRequest;
import dev.machinist.simulator.SimResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /users/{id}/api-tokens}: list, create (the only answer that carries the plaintext token), get,
 * delete. Fields follow the generated SDK's APIToken model.
 */
final class ApiTokenRoutes {
    private final SimProfile profile;
    private final PlatformState state;
    private final BearerAuth auth;

    ApiTokenRoutes(SimProfile profile, PlatformState state, BearerAuth auth) {
        this.profile = profile;
        this.state = state;
        this.auth = auth;
    }

    void install(Router router, String prefix) {
        String k = profile.key();
        router.add(k + ".api-tokens.list", "GET", prefix + "/users/{id}/api-tokens", this::list);
        router.add(k + ".api-tokens.create", "POST", prefix + "/users/{id}/api-tokens", this::create);
        router.add(k + ".api-tokens.get", "GET", prefix + "/users/{id}/api-tokens/{tokenId}", this::get);
        router.add(k + ".api-tokens.delete", "DELETE", prefix + "/users/{id}/api-tokens/{tokenId}", this::delete);
    }

    private SimResponse list(SimRequest r) {
        Optional<SimResponse> denied = deny(r);
        if (denied.isPresent()) return denied.get();
        List<Map<String, Object>> out = state.activeTokens(r.param(0)).stream()
                .map(t -> toJson(t, false))
                .toList();
        return SimResponse.json(200, out);
    }

    private SimResponse create(SimRequest r) {
        Optional<SimResponse> denied = deny(r);
        if (denied.isPresent()) return denied.get();
        JsonNode body = r.json();
        String name = body == null ? "" : body.path("name").asText("").trim();
        if (name.isEmpty()) {
            return SimResponse.json(
                    400, Map.of("status", 400, "title", "Bad Request", "detail", "The field 'name' is required."));
        }
        return SimResponse.json(201, toJson(state.createApiToken(r.param(0), name), true));
    }

    private SimResponse get(SimRequest r) {
        Optional<SimResponse> denied = deny(r);
        if (denied.isPresent()) return denied.get();
        return state.activeToken(r.param(0), r.param(1))
                .map(t -> SimResponse.json(200, toJson(t, false)))
                .orElseGet(() -> BearerAuth.notFound("API token"));
    }

    private SimResponse delete(SimRequest r) {
        Optional<SimResponse> denied = deny(r);
        if (denied.isPresent()) return denied.get();
        Optional<PlatformState.ApiToken> token = state.activeToken(r.param(0), r.param(1));
        if (token.isEmpty()) return BearerAuth.notFound("API token");
        token.get().revokedAt = Instant.now();
        return SimResponse.empty(204);
    }

    /** A user may only manage their own tokens. */
    private Optional<SimResponse> deny(SimRequest r) {
        Optional<String> caller = auth.userId(r);
        if (caller.isEmpty()) return Optional.of(auth.unauthorized());
        if (state.user(r.param(0)).isEmpty()) return Optional.of(BearerAuth.notFound("User"));
        if (!caller.get().equals(r.param(0))) return Optional.of(BearerAuth.forbidden());
        return Optional.empty();
    }

    private static Map<String, Object> toJson(PlatformState.ApiToken t, boolean withPlaintext) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id);
        m.put("name", t.name);
        m.put("mfa_on_creation", false);
        if (withPlaintext) m.put("token", t.token);
        m.put("created_at", t.createdAt.toString());
        m.put("updated_at", t.createdAt.toString());
        m.put("last_used_at", t.lastUsedAt == null ? null : t.lastUsedAt.toString());
        return m;
    }
}
