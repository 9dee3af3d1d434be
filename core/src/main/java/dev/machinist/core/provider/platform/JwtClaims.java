package dev.machinist.core.provider.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the claims of an access token that happens to be a JWT, as the vendor CLIs do for {@code exp} and
 * {@code sub}. The signature is not checked: the token is only ever sent back to the server that issued it,
 * which checks it; these claims serve display and scheduling, never an authorization decision.
 */
final class JwtClaims {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode claims;

    private JwtClaims(JsonNode claims) {
        this.claims = claims;
    }

    /** The claims, or empty when the token is opaque (not three base64url parts with a JSON middle). */
    static Optional<JwtClaims> parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) return Optional.empty();
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return node != null && node.isObject() ? Optional.of(new JwtClaims(node)) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    Optional<Instant> expiresAt() {
        JsonNode exp = claims.get("exp");
        return exp != null && exp.canConvertToLong()
                ? Optional.of(Instant.ofEpochSecond(exp.asLong()))
                : Optional.empty();
    }

    Optional<String> subject() {
        JsonNode sub = claims.get("sub");
        return sub != null && sub.isTextual() && !sub.asText().isBlank() ? Optional.of(sub.asText()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "JwtClaims[****]";
    }
}
