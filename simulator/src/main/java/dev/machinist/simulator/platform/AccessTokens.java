package dev.machinist.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mints the short-lived access tokens the grant returns and decides whether a bearer token is still good:
 * signed by us, not expired, not revoked, and its API token not revoked either.
 */
final class AccessTokens {
    private final JwtSigner signer = new JwtSigner();
    private final Set<String> revokedIds = ConcurrentHashMap.newKeySet();
    private final PlatformState state;
    private volatile Duration lifetime = Duration.ofMinutes(15);

    AccessTokens(PlatformState state) {
        this.state = state;
    }

    void lifetime(Duration d) {
        lifetime = d;
    }

    Duration lifetime() {
        return lifetime;
    }

    record Minted(String jwt, long expiresIn) {}

    Minted mint(PlatformState.ApiToken from, String clientId) {
        Instant now = Instant.now();
        long seconds = Math.max(1, lifetime.toSeconds());
        // exp has whole seconds: round up so that a token always lives at least its full lifetime.
        long exp = now.plusSeconds(seconds).getEpochSecond() + (now.getNano() > 0 ? 1 : 0);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", from.userId);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", exp);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("client_id", clientId);
        claims.put("api_token_id", from.id);
        return new Minted(signer.sign(claims), seconds);
    }

    /** The user id ({@code sub}) of a valid access token. */
    Optional<String> validSubject(String jwt) {
        Optional<JsonNode> claims = signer.verify(jwt);
        if (claims.isEmpty()) return Optional.empty();
        JsonNode c = claims.get();
        if (Instant.now().getEpochSecond() >= c.path("exp").asLong(0)) return Optional.empty();
        if (revokedIds.contains(c.path("jti").asText())) return Optional.empty();
        String tokenId = c.path("api_token_id").asText();
        String userId = c.path("sub").asText();
        if (state.activeToken(userId, tokenId).isEmpty()) return Optional.empty();
        return Optional.of(userId);
    }

    /** RFC 7009: revoking something unknown is not an error. */
    void revoke(String jwt) {
        signer.verify(jwt).ifPresent(c -> revokedIds.add(c.path("jti").asText()));
    }
}
