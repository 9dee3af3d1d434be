package dev.machinist.core.provider.bitwarden;

import dev.machinist.core.MachinistException;
import dev.machinist.core.provider.ProviderContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the API and identity servers are. Explicit api-url/identity-url settings win; then a server URL
 * (setting "server-url" or bws's BWS_SERVER_URL) with bws's convention {url}/api and {url}/identity; then the
 * region (us, the SDK's default, or eu).
 */
record BitwardenServers(URI api, URI identity) {
    static final String SERVER_URL_VARIABLE = "BWS_SERVER_URL";

    static BitwardenServers resolve(ProviderContext context) {
        Optional<String> server = context.setting("server-url", SERVER_URL_VARIABLE);
        BitwardenServers base = server.map(BitwardenServers::selfHosted)
                .orElseGet(() -> region(context.setting("region", null).orElse("us")));
        URI api = context.setting("api-url", null).map(u -> url(u, "api-url")).orElse(base.api);
        URI identity = context.setting("identity-url", null)
                .map(u -> url(u, "identity-url"))
                .orElse(base.identity);
        return new BitwardenServers(api, identity);
    }

    static BitwardenServers region(String region) {
        return switch (region.trim().toLowerCase(Locale.ROOT)) {
            case "us" ->
                new BitwardenServers(
                        URI.create("https://api.bitwarden.com"), URI.create("https://identity.bitwarden.com"));
            case "eu" ->
                new BitwardenServers(
                        URI.create("https://api.bitwarden.eu"), URI.create("https://identity.bitwarden.eu"));
            default ->
                throw MachinistException.usage("Unknown Bitwarden region '" + region
                        + "'. Use 'us' or 'eu', or set BWS_SERVER_URL to a self-hosted server's URL.");
        };
    }

    /** bws's Profile convention: the API under /api and the identity server under /identity. */
    static BitwardenServers selfHosted(String serverUrl) {
        URI base = url(serverUrl, SERVER_URL_VARIABLE + " (server-url)");
        String root = base.toString().replaceAll("/+$", "");
        return new BitwardenServers(URI.create(root + "/api"), URI.create(root + "/identity"));
    }

    private static URI url(String value, String name) {
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw MachinistException.usage(
                    name + " must start with http:// or https://, for example" + " https://vault.example.com.");
        }
        try {
            URI uri = new URI(v.replaceAll("/+$", ""));
            if (uri.getHost() == null) throw new URISyntaxException(v, "no host");
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new URISyntaxException(v, "query, fragment or user info");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw MachinistException.usage(
                    name + " is not a valid server URL (it needs a host and no query or user info), e.g."
                            + " https://vault.example.com.");
        }
    }

    /** {@code base} + {@code path}, keeping any path prefix the base has (self-hosted servers often do). */
    URI apiPath(String path) {
        return URI.create(api.toString() + path);
    }

    URI identityPath(String path) {
        return URI.create(identity.toString() + path);
    }
}
