package dev.machinist.core.provider.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.http.HttpCall;
import dev.machinist.core.http.HttpResult;
import dev.machinist.core.http.HttpTransport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code api_token} grant: the API token goes to the token endpoint with the public OAuth client in
 * HTTP Basic ({@code base64("<client>:")}, empty secret, as guzzle-oauth2-plugin's GrantTypeBase sends it)
 * and comes back as a short-lived access token, which is handed to the sink before anything else.
 */
final class TokenGrant {
    private final VendorProfile profile;
    private final PlatformEndpoints endpoints;
    private final HttpTransport http;
    private final SecretSink sink;

    TokenGrant(VendorProfile profile, PlatformEndpoints endpoints, HttpTransport http, SecretSink sink) {
        this.profile = profile;
        this.endpoints = endpoints;
        this.http = http;
        this.sink = sink;
    }

    AccessToken exchange(Secret apiToken) {
        HttpCall call = HttpCall.post(endpoints.token())
                .header("Authorization", clientBasic())
                .header("Accept", "application/json")
                .form("grant_type=api_token&api_token=" + URLEncoder.encode(apiToken.reveal(), StandardCharsets.UTF_8)
                        + "&scope=")
                // Exchanging the same token twice only mints two access tokens: safe to retry.
                .idempotent(true)
                .what(profile.displayName() + " login")
                .build();
        HttpResult result = http.send(call);
        if (!result.isSuccess()) {
            throw Scrub.of(GrantErrors.explain(result, profile, apiToken.name(), endpoints.clientId()), apiToken);
        }
        JsonNode body = result.json();
        String value = body.path("access_token").asText("");
        if (value.isBlank()) throw result.malformed("no access_token");
        Secret accessToken = Secret.of(profile.displayName() + " access token", value);
        sink.accept(accessToken);
        Optional<JwtClaims> claims = JwtClaims.parse(value);
        Optional<Instant> expiresAt = claims.flatMap(JwtClaims::expiresAt);
        if (expiresAt.isEmpty() && body.path("expires_in").canConvertToLong()) {
            expiresAt = Optional.of(
                    Instant.now().plusSeconds(body.path("expires_in").asLong()));
        }
        return new AccessToken(accessToken, expiresAt, claims.flatMap(JwtClaims::subject));
    }

    /** RFC 7009 revocation of an access token; the server answers 200 even for unknown tokens. */
    HttpResult revoke(Secret accessToken) {
        return http.send(HttpCall.post(endpoints.revoke())
                .header("Authorization", clientBasic())
                .form("token=" + URLEncoder.encode(accessToken.reveal(), StandardCharsets.UTF_8)
                        + "&token_type_hint=access_token")
                .idempotent(true)
                .what(profile.displayName() + " logout")
                .build());
    }

    private String clientBasic() {
        return "Basic "
                + Base64.getEncoder().encodeToString((endpoints.clientId() + ":").getBytes(StandardCharsets.UTF_8));
    }
}
