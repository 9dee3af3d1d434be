package dev.machinist.core.provider.bitwarden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The claims of the identity server's access token that Machinist uses. The signature is not verified, as
 * the Bitwarden SDK does not verify it either: the token came straight from the identity server over TLS,
 * and only the API server, which does verify it, acts on it.
 */
record JwtClaims(Instant expiresAt, String subject, String organizationId, String clientId, List<String> scopes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JwtClaims parse(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) throw malformed("it is not a JWT (header.payload.signature)");
        JsonNode claims;
        try {
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            throw malformed("its payload is not base64url JSON");
        }
        if (claims == null || !claims.isObject()) throw malformed("its payload is not a JSON object");
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.canConvertToLong()) throw malformed("it has no numeric 'exp' claim");
        String sub = text(claims, "sub");
        if (sub == null) throw malformed("it has no 'sub' claim");
        String organization = text(claims, "organization");
        if (organization == null) throw malformed("it has no 'organization' claim");
        List<String> scopes = new ArrayList<>();
        JsonNode scope = claims.get("scope");
        if (scope != null && scope.isArray()) scope.forEach(s -> scopes.add(s.asText()));
        else if (scope != null && scope.isTextual()) scopes.add(scope.asText());
        return new JwtClaims(Instant.ofEpochSecond(exp.asLong()), sub, organization, text(claims, "client_id"), scopes);
    }

    private static String text(JsonNode claims, String name) {
        JsonNode n = claims.get(name);
        return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }

    private static MachinistException malformed(String why) {
        return new MachinistException(
                ErrorKind.MALFORMED_RESPONSE,
                "Bitwarden login: the identity server's access token is unusable: " + why + ".");
    }
}
