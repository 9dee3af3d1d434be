package dev.machinist.core.store;

import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpTransport;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How to reach a Platform.sh-family API (Platform.sh, Upsun, OVHcloud Web PaaS): the HTTP layer, the API base
 * of the vendor profile, a supplier of a current bearer access token (the provider's login, which exchanges
 * the API token and passes the access token to the SecretSink), and the vendor's name for messages.
 */
public record PlatformApiAccess(
        HttpTransport http, URI apiBase, Supplier<Secret> accessToken, String vendorName, String tokenVariable) {
    public PlatformApiAccess {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(accessToken, "accessToken");
        vendorName = vendorName == null ? "Platform.sh" : vendorName;
        tokenVariable = tokenVariable == null ? "PLATFORMSH_CLI_TOKEN" : tokenVariable;
        String s = apiBase.toString();
        apiBase = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }
}
