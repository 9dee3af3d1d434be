package dev.machinist.core.provider.platform;

import dev.machinist.core.MachinistException;
import dev.machinist.core.provider.ProviderContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The URLs and client id one login uses. Each value comes from an explicit setting (option, action input),
 * else the vendor CLI's own variable ({@code {P}AUTH_URL}, then the Go CLI's generic {@code {P}API_AUTH_URL};
 * upsun/cli internal/config/auth.go), else the profile. URLs derived from the auth URL follow an overridden
 * auth URL even where the profile names them explicitly (OVHcloud): pointing Machinist at another auth server
 * with one variable must not leave the token going to the old one.
 */
record PlatformEndpoints(URI api, URI auth, URI token, URI revoke, Optional<URI> certifier, String clientId) {

    static PlatformEndpoints resolve(VendorProfile profile, ProviderContext context) {
        String p = profile.envPrefix();
        Optional<String> authOverride = lookup(context, "auth-url", p, "AUTH_URL");
        boolean authOverridden = authOverride.isPresent();
        URI api = uri(
                lookup(context, "api-url", p, "API_URL", "API_BASE_URL").orElse(profile.apiUrl()),
                "api-url",
                p + "API_URL");
        URI auth = uri(authOverride.orElse(profile.authUrl()), "auth-url", p + "AUTH_URL");
        URI token = uri(
                lookup(context, "token-url", p, "OAUTH2_TOKEN_URL")
                        .orElse(derived(authOverridden, profile.tokenUrl(), auth, "/oauth2/token")),
                "token-url",
                p + "OAUTH2_TOKEN_URL");
        URI revoke = uri(
                lookup(context, "revoke-url", p, "OAUTH2_REVOKE_URL")
                        .orElse(derived(authOverridden, profile.revokeUrl(), auth, "/oauth2/revoke")),
                "revoke-url",
                p + "OAUTH2_REVOKE_URL");
        Optional<String> certifier = lookup(context, "certifier-url", p, "CERTIFIER_URL");
        if (certifier.isEmpty() && profile.sshCertificates()) {
            certifier = Optional.of(derived(authOverridden, profile.certifierUrl(), auth, ""));
        }
        String clientId = lookup(context, "client-id", p, "OAUTH2_CLIENT_ID").orElse(profile.clientId());
        return new PlatformEndpoints(
                api, auth, token, revoke, certifier.map(c -> uri(c, "certifier-url", p + "CERTIFIER_URL")), clientId);
    }

    /** A path under the API, e.g. {@code /users/me}. */
    URI api(String path) {
        return URI.create(api + path);
    }

    /**
     * The setting, else {@code prefix + name}, else the generic {@code prefix + "API_" + name} (or the given
     * generic names), which the Go CLI reads with lower precedence than the legacy names.
     */
    private static Optional<String> lookup(
            ProviderContext context, String setting, String prefix, String name, String... generic) {
        Optional<String> value = context.setting(setting, prefix + name);
        String[] fallbacks = generic.length == 0 ? new String[] {"API_" + name} : generic;
        for (String g : fallbacks) {
            if (value.isPresent()) break;
            value = context.env(prefix + g).map(String::trim);
        }
        return value;
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
        // The value is not echoed: a mistyped URL may carry user:password@.
        throw MachinistException.usage("The URL from the " + setting + " setting or " + variable
                + " is not a valid http(s) URL; give a full URL such as https://api.upsun.com.");
    }
}
