package dev.machinist.simulator.platform;

import dev.machinist.simulator.SimRequest;
import dev.machinist.simulator.SimResponse;
import java.util.Map;
import java.util.Optional;

/** The API's side of OAuth: who a bearer token belongs to, and the 401 when it is missing or stale. */
final class BearerAuth {
    private final AccessTokens accessTokens;
    private volatile boolean stepUpRequired;

    BearerAuth(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    /** Makes every API call answer the 401 that asks for MFA/SSO step-up, which no API token can satisfy. */
    void requireStepUp(boolean required) {
        stepUpRequired = required;
    }

    Optional<String> userId(SimRequest request) {
        if (stepUpRequired) return Optional.empty();
        return request.bearer().flatMap(accessTokens::validSubject);
    }

    /** The 401 for a request {@link #userId} found no user for. */
    SimResponse unauthorized() {
        if (stepUpRequired) {
            return SimResponse.json(
                            401,
                            Map.of(
                                    "status", 401,
                                    "title", "Unauthorized",
                                    "detail", "This action requires a more recent authentication with MFA or SSO."))
                    .withHeader("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\"");
        }
        return SimResponse.json(
                        401,
                        Map.of(
                                "status", 401,
                                "title", "Unauthorized",
                                "detail", "The access token is missing, invalid or expired."))
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    static SimResponse forbidden() {
        return SimResponse.json(
                403, Map.of("status", 403, "title", "Forbidden", "detail", "You do not have access to this user."));
    }

    static SimResponse notFound(String what) {
        return SimResponse.json(404, Map.of("status", 404, "title", "Not Found", "detail", what + " not found."));
    }
}
