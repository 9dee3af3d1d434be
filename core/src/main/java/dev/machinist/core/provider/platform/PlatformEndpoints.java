package dev.machinist.core.provider.platform;

import dev.machinist.core.MachinistException;
import dev.machinist.core.provider.ProviderContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The URLs and client id one login uses. Each value comes from an explicit setting (option, action input),
 * else the vendor CLI's own variable, else the profile; URLs the profile derives from the auth URL follow an
 * overridden auth URL, as the vendor CLI's config-defaults do.
 */
record PlatformEndpoints(URI api, URI auth, URI token, URI revoke, Optional<URI> certifier, String clientId) {

    static PlatformEndpoints resolve(VendorProfile profile, ProviderContext context) {
        String p = profile.envPrefix();
        Optional<String> authOverride = context.setting("auth-url", p + "AUTH_URL");
        boolean authOverridden = authOverride.isPresent();
        URI api = uri(context.setting("api-url", p + "API_URL").orElse(profile.apiUrl()), "api-url", p + "API_URL");
        URI auth = uri(authOverride.orElse(profile.authUrl()), "auth-url", p + "AUTH_URL");
        URI token = uri(
                context.setting("token-url", p + "OAUTH2_TOKEN_URL")
                        .orElse(derived(authOverridden, profile.tokenUrl(), auth, "/oauth2/token")),
                "token-url",
                p + "OAUTH2_TOKEN_URL");
        URI revoke = uri(
                context.setting("revoke-url", p + "OAUTH2_REVOKE_URL")
                        .orElse(derived(authOverridden, profile.revokeUrl(), auth, "/oauth2/revoke")),
                "revoke-url",
                p + "OAUTH2_REVOKE_URL");
        Optional<String> certifier = context.setting("certifier-url", p + "CERTIFIER_URL");
        if (certifier.isEmpty() && profile.sshCertificates()) {
            certifier = Optional.of(derived(authOverridden, profile.certifierUrl(), auth, ""));
        }
        String clientId = context.setting("client-id", p + "OAUTH2_CLIENT_ID").orElse(profile.clientId());
        return new PlatformEndpoints(
                api, auth, token, revoke, certifier.map(c -> uri(c, "certifier-url", p + "CERTIFIER_URL")), clientId);
    }

    /** A path under the API, e.g. {@code /users/me}. */
    URI api(String path) {
        return URI.create(api + path);
    }

    private static String derived(boolean authOverridden, String explicit, URI auth, String suffix) {
        return explicit != null && !authOverridden ? explicit : auth + suffix;
    }

    private static URI uri(String value, String setting, String variable) {
        String trimmed = value.trim();
        while (trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
        try {
            URI u = new URI(trimmed);
            if (u.getHost() != null && ("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) {
                return u;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw MachinistException.usage("The URL '" + value + "' (from the " + setting + " setting or " + variable
                + ") is not a valid http(s) URL; give a full URL such as https://api.upsun.com.");
    }
}
