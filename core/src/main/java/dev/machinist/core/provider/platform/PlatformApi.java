package dev.machinist.core.provider.platform;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpCall;
import dev.machinist.core.http.HttpErrors;
import dev.machinist.core.http.HttpResult;
import dev.machinist.core.http.HttpTransport;
import java.util.function.Supplier;

/**
 * Authorized calls with the current access token. A 401 means the short-lived token expired or was
 * revoked: the grant is run again once and the call repeated, as guzzle-oauth2-plugin's Oauth2Subscriber
 * and the Go CLI's transport do. A 401 asking for step-up authentication (MFA/SSO) is not renewable.
 */
final class PlatformApi {
    private final VendorProfile profile;
    private final PlatformEndpoints endpoints;
    private final HttpTransport http;
    private final TokenGrant grant;
    private final Secret apiToken;
    private volatile AccessToken current;

    PlatformApi(
            VendorProfile profile,
            PlatformEndpoints endpoints,
            HttpTransport http,
            TokenGrant grant,
            Secret apiToken,
            AccessToken first) {
        this.profile = profile;
        this.endpoints = endpoints;
        this.http = http;
        this.grant = grant;
        this.apiToken = apiToken;
        this.current = first;
    }

    PlatformEndpoints endpoints() {
        return endpoints;
    }

    AccessToken accessToken() {
        return current;
    }

    /**
     * Sends the call built by {@code call} (without credentials; the bearer is added here), renewing the
     * access token once on a 401. The result may still be unsuccessful for other reasons.
     */
    HttpResult send(Supplier<HttpCall.Builder> call) {
        AccessToken used = current;
        HttpResult result = http.send(call.get().bearer(used.value().reveal()).build());
        if (result.status() != 401) return result;
        if (result.header("WWW-Authenticate").orElse("").contains("insufficient_user_authentication")) {
            throw new MachinistException(
                    ErrorKind.FORBIDDEN,
                    result.call().what() + " needs step-up authentication (MFA or SSO), which an API token cannot"
                            + " provide. Use a machine user whose organization does not enforce MFA/SSO for it.");
        }
        AccessToken renewed = renew(used);
        result = http.send(call.get().bearer(renewed.value().reveal()).build());
        if (result.status() == 401) {
            throw new MachinistException(
                    ErrorKind.BAD_TOKEN,
                    result.call().what() + " failed: " + profile.displayName()
                            + " refused a freshly issued access token (HTTP 401). The API token in "
                            + apiToken.name() + " may have just been revoked; create a new one in "
                            + profile.tokenHelp() + ".");
        }
        return result;
    }

    /**
     * The current access token, renewed first when it expires within 30 s, for callers that send their own
     * requests with it (e.g. the variables store); a renewed token reaches the sink as usual.
     */
    Secret freshAccessToken() {
        AccessToken used = current;
        boolean expiring = used.expiresAt()
                .map(t -> t.isBefore(java.time.Instant.now().plusSeconds(30)))
                .orElse(false);
        return (expiring ? renew(used) : used).value();
    }

    /** Renews unless another thread already did since {@code stale} was read. */
    private synchronized AccessToken renew(AccessToken stale) {
        if (current != stale) return current;
        current = grant.exchange(apiToken);
        return current;
    }

    /** Throws the classified error unless 2xx; {@code hint} replaces the generic advice for that kind. */
    HttpResult require(HttpResult result, ErrorKind kindForHint, String hint) {
        if (result.isSuccess()) return result;
        boolean hinted = hint != null && HttpErrors.kindOf(result.status()) == kindForHint;
        throw Scrub.of(HttpErrors.classify(result, hinted ? hint : null), apiToken, current.value());
    }

    void logout() {
        require(grant.revoke(current.value()), null, null);
    }
}
