package dev.machinist.core.provider.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.core.SecretSink;
import dev.machinist.core.http.HttpCall;
import dev.machinist.core.http.HttpResult;
import dev.machinist.core.provider.Identity;
import dev.machinist.core.provider.Provider;
import dev.machinist.core.provider.Session;
import dev.machinist.core.provider.SshCertificateIssuer;
import dev.machinist.core.provider.TokenManager;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A logged-in machine user of a Platform.sh-family vendor. */
final class PlatformSession
        implements Session, TokenManager, SshCertificateIssuer, dev.machinist.core.provider.BearerApiAccess {
    private final PlatformProvider provider;
    private final VendorProfile profile;
    private final PlatformApi api;
    private final ApiTokens tokens;
    private final SshCertificates certificates;
    private volatile Identity identity;

    PlatformSession(PlatformProvider provider, VendorProfile profile, PlatformApi api, SecretSink sink) {
        this.provider = provider;
        this.profile = profile;
        this.api = api;
        this.tokens = new ApiTokens(profile, api, sink, this::userId);
        this.certificates = new SshCertificates(profile, api, sink);
    }

    @Override
    public Provider provider() {
        return provider;
    }

    /** {@code GET /users/me}: id, email, username, first and last name. */
    @Override
    public Identity identity() {
        Identity known = identity;
        if (known != null) return known;
        HttpResult result = api.require(
                api.send(() -> HttpCall.get(api.endpoints().api("/users/me")).what(profile.displayName() + " whoami")),
                null,
                null);
        JsonNode me = result.json();
        String id = me.path("id").asText("");
        if (id.isBlank()) throw result.malformed("a user without an id");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String field : List.of("email", "username", "first_name", "last_name")) {
            String v = me.path(field).asText("");
            if (!v.isBlank()) attributes.put(field, v);
        }
        String name = attributes.getOrDefault("username", attributes.getOrDefault("email", id));
        identity = new Identity(id, name, attributes);
        return identity;
    }

    @Override
    public java.net.URI apiBase() {
        return api.endpoints().api();
    }

    @Override
    public dev.machinist.core.Secret accessToken() {
        return api.freshAccessToken();
    }

    @Override
    public String tokenVariable() {
        return provider.tokenVariables().get(0);
    }

    /** When the current access token expires; it is renewed on demand, so this moves forward. */
    @Override
    public Optional<Instant> expiresAt() {
        return api.accessToken().expiresAt();
    }

    /** Revokes the current access token (RFC 7009); the API token itself stays valid. */
    @Override
    public void logout() {
        api.logout();
    }

    @Override
    public List<TokenInfo> listTokens() {
        return tokens.list();
    }

    @Override
    public boolean canCreateTokens() {
        return true;
    }

    @Override
    public CreatedToken createToken(String name) {
        return tokens.create(name);
    }

    @Override
    public void revokeToken(String tokenId) {
        tokens.revoke(tokenId);
    }

    @Override
    public SshCertificate issueCertificate(Path directory) {
        return certificates.issue(directory);
    }

    /** The JWT's sub when there is one (as the vendor CLI prefers), else {@code /users/me}. */
    private String userId() {
        return api.accessToken().userId().orElseGet(() -> identity().id());
    }

    @Override
    public String toString() {
        return "PlatformSession[" + profile.id() + "]";
    }
}
