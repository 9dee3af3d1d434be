package dev.machinist.core.provider.pantheon;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.http.HttpErrors;
import dev.machinist.core.http.HttpResult;
import java.util.Locale;

/**
 * Recognizes Pantheon's failure answers and turns them into messages a pipeline author can act on. The
 * vendor's body is matched but never copied into a message: only our own words and the status go out.
 */
final class PantheonAnswers {
    static final String TOKENS_PAGE = "https://dashboard.pantheon.io/personal-settings/machine-tokens";
    static final String LOGIN_AGAIN = "machinist login --vendor pantheon";

    private PantheonAnswers() {}

    /** Pantheon's "Authorization failed. Please check that your machine token is valid." in any status. */
    static boolean isAuthorizationFailed(HttpResult result) {
        return lower(result).contains("authorization failed");
    }

    /** Pantheon's "Invalid or expired session header: X-Pantheon-Session". */
    static boolean isInvalidSession(HttpResult result) {
        String body = lower(result);
        return body.contains("expired session") || body.contains("invalid session");
    }

    static MachinistException badToken(HttpResult result, String tokenName) {
        String said = isAuthorizationFailed(result) ? " \"Authorization failed\"" : "";
        return new MachinistException(
                ErrorKind.BAD_TOKEN,
                "Pantheon rejected the machine token (" + tokenName + "): "
                        + result.finalUri().getHost()
                        + " answered HTTP " + result.status() + said + ". Check that the variable holds the whole"
                        + " token and that the token has not been revoked; create a new one at " + TOKENS_PAGE
                        + " and store it as the CI secret.");
    }

    /** A call made with a session that Pantheon no longer accepts (401). */
    static MachinistException sessionRejected(HttpResult result) {
        String why = isInvalidSession(result)
                ? " (\"Invalid or expired session header\"): the session has expired or was ended."
                : ": it no longer accepts this session.";
        return new MachinistException(
                ErrorKind.BAD_TOKEN,
                result.call().what() + " failed: " + result.finalUri().getHost() + " answered HTTP " + result.status()
                        + why + " Log in again (" + LOGIN_AGAIN + ").");
    }

    /** Any other failure of a call made with a session. */
    static MachinistException sessionCallFailed(HttpResult result) {
        if (result.status() == 401) return sessionRejected(result);
        return HttpErrors.classify(result, null);
    }

    private static String lower(HttpResult result) {
        // Bodies of interest are short; bound the work for a huge one.
        byte[] body = result.body();
        int n = Math.min(body.length, 4096);
        return new String(body, 0, n, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    }
}
