package dev.machinist.core.provider.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.http.HttpCall;
import dev.machinist.core.http.HttpResult;
import dev.machinist.core.provider.TokenManager.CreatedToken;
import dev.machinist.core.provider.TokenManager.TokenInfo;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The machine user's API tokens: {@code /users/{id}/api-tokens} (upsun-sdk-php APITokensApi). Creating is
 * not idempotent (a repeat would mint a second token), so it is never retried after the request may have
 * reached the server; the plaintext, shown only in that answer, goes to the sink at once.
 */
final class ApiTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private final VendorProfile profile;
    private final PlatformApi api;
    private final SecretSink sink;
    private final Supplier<String> userId;

    ApiTokens(VendorProfile profile, PlatformApi api, SecretSink sink, Supplier<String> userId) {
        this.profile = profile;
        this.api = api;
        this.sink = sink;
        this.userId = userId;
    }

    List<TokenInfo> list() {
        HttpResult result = api.require(
                api.send(() -> HttpCall.get(collection()).what(profile.displayName() + " API token list")), null, null);
        JsonNode body = result.json();
        if (!body.isArray()) throw result.malformed("something other than a list of API tokens");
        List<TokenInfo> out = new ArrayList<>();
        for (JsonNode t : body) out.add(info(t));
        return out;
    }

    CreatedToken create(String name) {
        if (name == null || name.isBlank()) {
            throw MachinistException.usage("Give the new API token a name, e.g. 'ci-deploy'.");
        }
        ObjectNode json = JSON.createObjectNode().put("name", name.trim());
        HttpResult result = api.require(
                api.send(() -> HttpCall.post(collection())
                        .json(json.toString())
                        .what(profile.displayName() + " API token creation")),
                null,
                null);
        JsonNode body = result.json();
        String plaintext = body.path("token").asText("");
        if (plaintext.isBlank()) throw result.malformed("no token in the created API token");
        Secret token = Secret.of(profile.displayName() + " API token '" + name.trim() + "'", plaintext);
        sink.accept(token);
        return new CreatedToken(info(body), token);
    }

    void revoke(String tokenId) {
        if (tokenId == null || !ID.matcher(tokenId).matches()) {
            throw MachinistException.usage(
                    "'" + tokenId + "' is not an API token id; list the ids with `machinist token list`.");
        }
        api.require(
                api.send(() -> HttpCall.delete(api.endpoints().api(userPath() + "/api-tokens/" + tokenId))
                        .what(profile.displayName() + " API token revocation")),
                ErrorKind.NOT_FOUND,
                "The machine user has no API token with id " + tokenId + "; list the ids with `machinist token list`.");
    }

    private URI collection() {
        return api.endpoints().api(userPath() + "/api-tokens");
    }

    private String userPath() {
        String id = userId.get();
        if (!ID.matcher(id).matches()) {
            throw new MachinistException(
                    ErrorKind.MALFORMED_RESPONSE,
                    "The user id from " + profile.displayName() + " has an unexpected form.");
        }
        return "/users/" + id;
    }

    private static TokenInfo info(JsonNode t) {
        return new TokenInfo(
                t.path("id").asText(""),
                t.path("name").asText(""),
                instant(t.get("created_at")),
                instant(t.get("last_used_at")));
    }

    private static Optional<Instant> instant(JsonNode value) {
        if (value == null || !value.isTextual()) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(value.asText()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
