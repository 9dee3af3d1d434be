package dev.machinist.core.provider.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.http.HttpErrors;
import dev.machinist.core.http.HttpResult;
import java.io.IOException;
import java.util.Locale;

/**
 * Explains a failed token exchange. An invalid token is recognised in the three shapes the vendor's
 * servers use (legacy-cli ApiTokenLoginCommand; platformsh/cli mockapi): {@code invalid_grant} with
 * "Invalid API token", {@code request_unauthorized} with an {@code error_hint} about the API token, and
 * {@code {"error":"invalid API token"}}.
 */
final class GrantErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GrantErrors() {}

    static MachinistException explain(HttpResult result, VendorProfile profile, String tokenSource, String clientId) {
        JsonNode body = body(result);
        String error = body.path("error").asText("");
        if (result.status() == 400 || result.status() == 401) {
            if (isInvalidToken(body)) {
                return new MachinistException(
                        ErrorKind.BAD_TOKEN,
                        profile.displayName() + " rejected the API token from " + tokenSource
                                + ": it is invalid, expired or revoked. Create a new API token for the machine user in "
                                + profile.tokenHelp() + " and store it in " + tokenSource + ".");
            }
            if ("invalid_client".equals(error)) {
                return new MachinistException(
                        ErrorKind.USAGE,
                        profile.displayName() + "'s auth server ("
                                + result.finalUri().getHost()
                                + ") does not accept the OAuth client id '" + clientId + "'. "
                                + "Remove the client-id setting and " + profile.envPrefix()
                                + "OAUTH2_CLIENT_ID unless your vendor told you another id (the default for "
                                + profile.displayName() + " is '" + profile.clientId() + "').");
            }
        }
        return HttpErrors.classify(result, null);
    }

    static boolean isInvalidToken(JsonNode body) {
        String error = body.path("error").asText("");
        String description = body.path("error_description").asText("").toLowerCase(Locale.ROOT);
        String hint = body.path("error_hint").asText("").toLowerCase(Locale.ROOT);
        return ("invalid_grant".equals(error) && description.contains("invalid api token"))
                || ("request_unauthorized".equals(error) && hint.contains("api token"))
                || "invalid api token".equalsIgnoreCase(error.trim());
    }

    private static JsonNode body(HttpResult result) {
        try {
            JsonNode node = JSON.readTree(result.body());
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
