package dev.machinist.core.store;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;

/**
 * GitHub's refusals as sentences a pipeline author can act on. {@code where} names the repository,
 * environment or organization; {@code notFoundHint} says what a 404 most likely means there.
 */
final class GitHubFailures {
    private GitHubFailures() {}

    static MachinistException forStatus(
            int status, String vendorMessage, String where, String notFoundHint, GitHubConnection connection) {
        String detail = vendorMessage == null || vendorMessage.isBlank() ? "" : " (" + vendorMessage + ")";
        return switch (status) {
            case 401 ->
                new MachinistException(
                        ErrorKind.BAD_TOKEN,
                        "GitHub rejected the token (401): check " + connection.tokenSource()
                                + "; it may be mistyped, expired or revoked.");
            case 403 ->
                new MachinistException(
                        ErrorKind.FORBIDDEN,
                        "GitHub refused to let the token write secrets of " + where + " (403)" + detail
                                + ": classic tokens need the repo scope (admin:org for organization secrets);"
                                + " fine-grained tokens need the Secrets permission (Organization secrets for an"
                                + " organization), read and write. The GITHUB_TOKEN of a workflow cannot write"
                                + " secrets.");
            case 404 ->
                new MachinistException(
                        ErrorKind.NOT_FOUND,
                        where + " not found or the token cannot see it" + " (" + notFoundHint + ").");
            case 422 ->
                new MachinistException(
                        ErrorKind.REFUSED,
                        "GitHub refused the secret for " + where + " (422)" + detail
                                + ". If the public key changed meanwhile, run the command again.");
            case 429 ->
                new MachinistException(ErrorKind.RATE_LIMITED, "GitHub is rate-limiting this token; try again later.");
            default ->
                new MachinistException(
                        status >= 500 ? ErrorKind.VENDOR_UNAVAILABLE : ErrorKind.MALFORMED_RESPONSE,
                        "GitHub answered HTTP " + status + " for " + where + detail + ".");
        };
    }

    /** The one-line "message" of a GitHub error body, cut short; never the request. */
    static String vendorMessage(String body) {
        if (body == null) return null;
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            String m = node == null ? null : node.path("message").asText(null);
            if (m == null) return null;
            m = m.replaceAll("\\s+", " ").trim();
            return m.length() > 200 ? m.substring(0, 200) + "..." : m;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
