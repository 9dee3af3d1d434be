package dev.machinist.simulator.bitwarden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Access tokens as the identity server issues them: JWTs with exp, sub, organization, client_id and a scope
 * array. Signed HS256 with a random key (clients do not verify it; this API does), which can be rotated to
 * make every issued JWT fail with 401.
 */
final class SimJwt {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private volatile byte[] signingKey = SimCrypto.randomBytes(32);

    String issue(Map<String, Object> claims) {
        try {
            String header = B64URL.encodeToString(
                    JSON.writeValueAsBytes(Map.of("alg", "HS256", "typ", "at+jwt", "kid", "simulator")));
            String payload = B64URL.encodeToString(JSON.writeValueAsBytes(claims));
            return header + "." + payload + "." + sign(header + "." + payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a JWT this server signed that has not expired. */
    Optional<JsonNode> verify(String jwt, long nowEpochSeconds) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) return Optional.empty();
        byte[] expected = sign(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) return Optional.empty();
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.path("exp").asLong(0) > nowEpochSeconds ? Optional.of(claims) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void rotateKey() {
        signingKey = SimCrypto.randomBytes(32);
    }

    private String sign(String input) {
        return B64URL.encodeToString(SimCrypto.hmac(signingKey, input.getBytes(StandardCharsets.US_ASCII)));
    }
}
