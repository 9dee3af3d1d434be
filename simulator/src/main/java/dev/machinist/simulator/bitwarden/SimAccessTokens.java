package dev.machinist.simulator.bitwarden;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens of the machine account: id, client secret, the 16-byte key encoded in the token, an
 * optional expiry, and whether it was revoked. Like the real server, it keeps the organization key only as
 * an encrypted payload under the token's derived key (the web vault computes it when the token is made).
 */
final class SimAccessTokens {
    record Issued(String id, byte[] clientSecret, String encryptedPayload, Instant expiresAt, boolean revoked) {
        boolean usableAt(Instant now) {
            return !revoked && (expiresAt == null || now.isBefore(expiresAt));
        }
    }

    private final Map<String, Issued> byId = new ConcurrentHashMap<>();

    /** @return the full access token string, shown once as Bitwarden's web vault does */
    String issue(Instant expiresAt, String payloadJson) {
        String id = UUID.randomUUID().toString();
        String secret = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(SimCrypto.randomBytes(22))
                .substring(0, 30);
        byte[] key16 = SimCrypto.randomBytes(16);
        byId.put(
                id,
                new Issued(
                        id,
                        secret.getBytes(StandardCharsets.UTF_8),
                        SimCrypto.encrypt(SimCrypto.accessTokenKey(key16), payloadJson),
                        expiresAt,
                        false));
        return "0." + id + "." + secret + ":" + Base64.getEncoder().encodeToString(key16);
    }

    /** The token if id and secret match one that is neither revoked nor expired. */
    Optional<Issued> authenticate(String id, String secret, Instant now) {
        Issued t = id == null ? null : byId.get(id);
        if (t == null || secret == null) return Optional.empty();
        boolean secretMatches = MessageDigest.isEqual(t.clientSecret(), secret.getBytes(StandardCharsets.UTF_8));
        return secretMatches && t.usableAt(now) ? Optional.of(t) : Optional.empty();
    }

    void revoke(String id) {
        byId.computeIfPresent(
                id, (k, t) -> new Issued(t.id(), t.clientSecret(), t.encryptedPayload(), t.expiresAt(), true));
    }

    void setExpiry(String id, Instant expiresAt) {
        byId.computeIfPresent(
                id, (k, t) -> new Issued(t.id(), t.clientSecret(), t.encryptedPayload(), expiresAt, t.revoked()));
    }

    static String idOf(String accessToken) {
        String[] parts = accessToken.split("[.:]");
        return parts.length > 1 ? parts[1] : accessToken;
    }
}
