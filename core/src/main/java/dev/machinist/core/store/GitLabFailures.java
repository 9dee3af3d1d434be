package dev.machinist.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.http.HttpErrors;
import dev.machinist.core.http.HttpResult;
import java.util.ArrayList;
import java.util.List;

/**
 * GitLab's answers as sentences a pipeline author can act on. GitLab says "404 Project Not Found" and
 * "404 Variable Not Found" with the same status, and reports validation errors as
 * {@code {"message":{"field":["problem"]}}}; both are read here.
 */
final class GitLabFailures {
    private final String project;
    private final String tokenSource;

    GitLabFailures(String project, String tokenSource) {
        this.project = project;
        this.tokenSource = tokenSource;
    }

    boolean isVariableNotFound(HttpResult result) {
        return messageText(result).toLowerCase(java.util.Locale.ROOT).contains("variable not found");
    }

    void requireSuccess(HttpResult result, String key) {
        if (result.isSuccess()) return;
        throw switch (result.status()) {
            case 401 ->
                new MachinistException(
                        ErrorKind.BAD_TOKEN,
                        "GitLab rejected the token (401): check " + tokenSource
                                + "; it may be mistyped, expired or revoked, or lack the api scope.");
            case 403 ->
                new MachinistException(
                        ErrorKind.FORBIDDEN,
                        "GitLab refused to let the token manage variables of project " + project
                                + " (403): its user needs at least the Maintainer role and the token the api scope.");
            case 404 ->
                new MachinistException(
                        ErrorKind.NOT_FOUND,
                        "GitLab project " + project + " not found or the token cannot see it (give the numeric id or"
                                + " the full path group/name; the token's user must be a member).");
            case 400, 409, 422 ->
                new MachinistException(
                        ErrorKind.REFUSED,
                        "GitLab refused variable " + key + " in project " + project + " (" + result.status() + ": "
                                + messageText(result) + ").");
            default -> HttpErrors.classify(result, null);
        };
    }

    /** "field: problem; field: problem" or the plain message, never the request. */
    private static String messageText(HttpResult result) {
        JsonNode body;
        try {
            body = result.json();
        } catch (MachinistException e) {
            return "";
        }
        JsonNode message = body.has("message") ? body.get("message") : body.path("error");
        if (message.isTextual()) return oneLine(message.asText());
        List<String> parts = new ArrayList<>();
        message.fields().forEachRemaining(field -> {
            List<String> problems = new ArrayList<>();
            field.getValue().forEach(p -> problems.add(p.asText()));
            parts.add(field.getKey() + " " + String.join(", ", problems));
        });
        return oneLine(String.join("; ", parts));
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
