package dev.machinist.core.provider.pantheon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.http.HttpErrors;
import dev.machinist.core.http.HttpResult;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Exchanges a machine token for a session and checks both the status and the shape of the answer: unlike
 * Terminus, which stores whatever body comes back (even a 401's) as the session and fails later with "No
 * user ID", a bad answer stops here with a message about the token.
 *
 * <p>Retries: the transport retries a connection failure and 429/502/503/504, never a 500. That matters
 * here, because Pantheon has long answered a bad machine token with 500 and the body "Authorization
 * failed..." (Terminus's own fixture, issue #2443). Terminus retries every 500 five times with 5-25 s
 * sleeps, so a wrong token costs a pipeline over a minute before it fails. Machinist treats a 500 carrying
 * that text as the rejection it is and fails at once; any other 500 is reported as Pantheon failing.
 */
final class PantheonLogin {
    /** The session string as Pantheon issues it, {@code <uuid>:<uuid>:<random>}; also safe in a header. */
    private static final Pattern SESSION = Pattern.compile("[\\x21-\\x7e]{8,4096}");

    private final PantheonApi api;

    PantheonLogin(PantheonApi api) {
        this.api = api;
    }

    Login login(Secret machineToken, SecretSink sink) {
        Secret token = checked(machineToken);
        HttpResult result = api.exchange(token);
        int status = result.status();
        if (status == 401 || status == 403 || (status >= 500 && PantheonAnswers.isAuthorizationFailed(result))) {
            throw PantheonAnswers.badToken(result, token.name());
        }
        if (!result.isSuccess()) {
            throw HttpErrors.classify(result, status == 404 ? hintForWrongHost() : null);
        }
        JsonNode body = parse(result, token.name());
        JsonNode sessionNode = body.get("session");
        if (sessionNode == null
                || !sessionNode.isTextual()
                || !SESSION.matcher(sessionNode.asText()).matches()) {
            throw shapeError(result, "no usable \"session\"");
        }
        Secret session = Secret.of("Pantheon session", sessionNode.asText());
        sink.accept(session); // a derived credential: masked before anything else can happen to it
        String userId = body.path("user_id").asText("");
        if (!PantheonApi.isSafeSegment(userId)) throw shapeError(result, "no usable \"user_id\"");
        JsonNode expires = body.get("expires_at");
        if (expires == null || !(expires.isIntegralNumber() || expires.asText().matches("\\d{1,12}"))) {
            throw shapeError(result, "no usable \"expires_at\"");
        }
        return new Login(session, userId, Instant.ofEpochSecond(expires.asLong()), token);
    }

    record Login(Secret session, String userId, Instant expiresAt, Secret machineToken) {}

    private static Secret checked(Secret token) {
        String value = token.reveal().strip();
        if (value.isEmpty()) {
            throw MachinistException.usage("The Pantheon machine token (" + token.name() + ") is empty. Set "
                    + String.join(" or ", PantheonProvider.TOKEN_VARIABLES) + " to a machine token from "
                    + PantheonAnswers.TOKENS_PAGE + ".");
        }
        boolean quoted = value.length() >= 2
                && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0);
        if (quoted || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw MachinistException.usage("The Pantheon machine token (" + token.name() + ") contains quotes,"
                    + " spaces, line breaks or other characters a machine token never has; copy it again from"
                    + " the dashboard, without quotes.");
        }
        return value.equals(token.reveal()) ? token : Secret.of(token.name(), value);
    }

    private static JsonNode parse(HttpResult result, String tokenName) {
        JsonNode body;
        try {
            body = result.json();
        } catch (MachinistException e) {
            throw new MachinistException(
                    ErrorKind.MALFORMED_RESPONSE,
                    e.getMessage() + " Pantheon has answered this way for a machine token it does not accept:"
                            + " check the token, and if it is right, try again later.");
        }
        if (body.isTextual() && PantheonAnswers.isAuthorizationFailed(result)) {
            throw PantheonAnswers.badToken(result, tokenName);
        }
        if (!body.isObject())
            throw shapeError(
                    result,
                    "a JSON " + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                            + " instead of a session object");
        return body;
    }

    private static MachinistException shapeError(HttpResult result, String what) {
        return new MachinistException(
                ErrorKind.MALFORMED_RESPONSE,
                "Pantheon login: " + result.finalUri().getHost() + " answered HTTP " + result.status() + " with "
                        + what + ". This is not a Pantheon login answer; check TERMINUS_HOST, TERMINUS_PORT and"
                        + " TERMINUS_PROTOCOL.");
    }

    private static String hintForWrongHost() {
        return "Check that TERMINUS_HOST, TERMINUS_PORT and TERMINUS_PROTOCOL point at Pantheon's API"
                + " (default https://terminus.pantheon.io:443).";
    }
}
