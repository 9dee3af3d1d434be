package dev.machinist.core.provider.bitwarden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.crypto.EncString;
import dev.machinist.core.crypto.MacMismatchException;
import dev.machinist.core.crypto.SymmetricKey;
import dev.machinist.core.http.HttpCall;
import dev.machinist.core.http.HttpErrors;
import dev.machinist.core.http.HttpResult;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.token.BitwardenAccessToken;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The identity server's client-credentials exchange (bitwarden-core {@code AccessTokenRequest}) and the
 * decryption of the organization key it returns. Each derived credential goes to the sink the moment it
 * exists: the JWT before it is even parsed, the organization key right after decryption.
 */
final class AccessTokenLogin {
    /** bitwarden-core's DeviceType::SDK. */
    static final String DEVICE_TYPE_SDK = "21";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTransport http;
    private final BitwardenServers servers;

    AccessTokenLogin(HttpTransport http, BitwardenServers servers) {
        this.http = http;
        this.servers = servers;
    }

    record Result(Secret accessToken, JwtClaims claims, SymmetricKey organizationKey) {}

    Result login(BitwardenAccessToken token, SecretSink sink) {
        String form = "scope=api.secrets&client_id=" + encode(token.accessTokenId()) + "&client_secret="
                + encode(token.clientSecret().reveal()) + "&grant_type=client_credentials";
        HttpCall call = HttpCall.post(servers.identityPath("/connect/token"))
                .body("application/x-www-form-urlencoded; charset=utf-8", form.getBytes(StandardCharsets.UTF_8))
                .header("Accept", "application/json")
                .header("Device-Type", DEVICE_TYPE_SDK)
                .idempotent(true) // a token exchange: repeating it only issues another token
                .what("Bitwarden login")
                .build();
        HttpResult result = http.send(call);
        if (!result.isSuccess()) throw failure(result, token);
        JsonNode body = result.json();
        String jwt = body.path("access_token").asText("");
        if (jwt.isEmpty()) throw result.malformed("no access_token");
        Secret accessToken = Secret.of("Bitwarden access token JWT", jwt);
        sink.accept(accessToken);
        if (body.has("Kdf") || body.has("kdf") || body.has("KdfIterations") || body.has("kdfIterations")) {
            throw result.malformed("a user login's answer (Kdf fields) instead of an access token's");
        }
        String payload = body.path("encrypted_payload").asText("");
        if (payload.isEmpty()) throw result.malformed("no encrypted_payload");
        SymmetricKey organizationKey = decryptOrganizationKey(payload, token);
        sink.accept(organizationKey.asSecret("Bitwarden organization key"));
        return new Result(accessToken, JwtClaims.parse(jwt), organizationKey);
    }

    private static SymmetricKey decryptOrganizationKey(String payload, BitwardenAccessToken token) {
        byte[] json;
        try {
            json = EncString.parse(payload, "an encrypted payload")
                    .decrypt(token.encryptionKey(), "the encrypted payload");
        } catch (MacMismatchException e) {
            // The server accepted id and secret, so the key part after ':' is what is wrong.
            throw new MachinistException(
                    ErrorKind.BAD_TOKEN,
                    "Bitwarden accepted access token " + token.accessTokenId() + ", but its organization key could"
                            + " not be decrypted with this access token's key: the part after ':' is damaged."
                            + " Copy the whole access token again.");
        }
        try {
            JsonNode node = JSON.readTree(json);
            String key = node == null ? "" : node.path("encryptionKey").asText("");
            if (key.isEmpty()) throw new IOException("no encryptionKey");
            return SymmetricKey.fromBase64(key, "an organization key");
        } catch (IOException e) {
            throw new MachinistException(
                    ErrorKind.MALFORMED_RESPONSE,
                    "Bitwarden login: the decrypted payload does not hold an organization key (encryptionKey).");
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    private static MachinistException failure(HttpResult result, BitwardenAccessToken token) {
        String error = "";
        try {
            error = result.json().path("error").asText("");
        } catch (MachinistException notJson) {
            // fall through to the generic classification
        }
        if (error.equals("invalid_client") || error.equals("invalid_grant")) {
            return new MachinistException(
                    ErrorKind.BAD_TOKEN,
                    "Bitwarden rejected access token " + token.accessTokenId() + " (invalid_client): it is invalid,"
                            + " revoked or expired. Create a new access token in the machine account's Access tokens"
                            + " tab (https://bitwarden.com/help/access-tokens/) and update BWS_ACCESS_TOKEN.");
        }
        if (result.status() == 400) {
            return new MachinistException(
                    ErrorKind.REFUSED,
                    "Bitwarden login failed: " + result.finalUri().getHost() + " answered HTTP 400"
                            + HttpErrors.vendorMessage(result)
                                    .map(m -> " (" + m + ")")
                                    .orElse("")
                            + ". Check that BWS_SERVER_URL points at a Bitwarden server.");
        }
        return HttpErrors.classify(result, null);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
