package dev.machinist.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks the simulator's access tokens: HS256 JWTs with {@code sub}, {@code exp} and
 * {@code jti}, like the vendor's (clients read {@code exp} and {@code sub} from them without verifying).
 */
final class JwtSigner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] key = new byte[32];

    JwtSigner() {
        new SecureRandom().nextBytes(key);
    }

    String sign(Map<String, Object> claims) {
        try {
            String header = B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "HS256", "typ", "JWT")));
            String payload = B64.encodeToString(JSON.writeValueAsBytes(new LinkedHashMap<>(claims)));
            String signingInput = header + "." + payload;
            return signingInput + "." + B64.encodeToString(mac(signingInput));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode claims", e);
        }
    }

    /** The claims of a token this signer issued, or empty if the signature does not match. */
    Optional<JsonNode> verify(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) return Optional.empty();
        try {
            byte[] expected = mac(parts[0] + "." + parts[1]);
            byte[] actual = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(expected, actual)) return Optional.empty();
            return Optional.of(JSON.readTree(Base64.getUrlDecoder().decode(parts[1])));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
