package dev.machinist.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpCall;
import dev.machinist.core.http.HttpResult;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * CI/CD variables of a GitLab project, created or updated in one environment scope: GET the variable in that
 * scope, then PUT it if it exists or POST it otherwise. Masked values are checked against GitLab's masking
 * rules before any request, so a value GitLab would refuse (or could not hide in job logs) is never sent.
 */
public final class GitLabStore implements SecretStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]{1,255}");

    private final GitLabConnection connection;
    private final String project;
    private final GitLabVariableOptions options;
    private final GitLabFailures failures;

    private GitLabStore(GitLabConnection connection, String project, GitLabVariableOptions options) {
        this.connection = connection;
        this.project = project;
        this.options = options;
        this.failures = new GitLabFailures(project, connection.tokenSource());
    }

    /** Variables of the project with this numeric id or full path ("group/subgroup/project"). */
    public static GitLabStore project(GitLabConnection connection, String idOrPath, GitLabVariableOptions options) {
        if (idOrPath == null || idOrPath.isBlank()) {
            throw MachinistException.usage(
                    "The GitLab project is empty: give its numeric id or its path (group/name).");
        }
        String p = idOrPath.trim();
        if (p.startsWith("/") || p.endsWith("/")) {
            throw MachinistException.usage(
                    "'" + p + "' is not a GitLab project path: use group/name without slashes" + " around it.");
        }
        return new GitLabStore(connection, p, options);
    }

    @Override
    public StoreResult store(String name, Secret value) {
        if (name == null || !KEY.matcher(name).matches()) {
            throw MachinistException.usage("'" + name + "' is not a valid GitLab variable key: use up to 255 letters,"
                    + " digits and underscores.");
        }
        if (options.isMasked()) requireMaskable(name, value);
        HttpResult existing = send(HttpCall.get(variableUri(name, true)), "Reading GitLab variable " + name);
        if (existing.status() == 404 && failures.isVariableNotFound(existing)) {
            return create(name, value);
        }
        failures.requireSuccess(existing, name);
        return update(name, value, existing.json());
    }

    private StoreResult create(String name, Secret value) {
        ObjectNode body = attributes(value, options.isMasked())
                .put("key", name)
                .put("environment_scope", options.environmentScope());
        if (options.maskedAndHidden()) body.put("masked_and_hidden", true);
        HttpResult created =
                send(HttpCall.post(collectionUri()).json(body.toString()), "Creating GitLab variable " + name);
        failures.requireSuccess(created, name);
        return StoreResult.CREATED;
    }

    private StoreResult update(String name, Secret value, JsonNode existing) {
        if (options.maskedAndHidden()) {
            throw new MachinistException(
                    ErrorKind.REFUSED,
                    "GitLab variable " + name + " already exists in scope " + options.environmentScope() + " of "
                            + project + ", and GitLab sets 'masked and hidden' only when a variable is created."
                            + " Update it with --masked instead, or delete it (Settings > CI/CD > Variables) and run"
                            + " again.");
        }
        // A hidden variable stays masked: GitLab will not unmask it, so the value must be maskable.
        boolean masked = options.masked() || existing.path("hidden").asBoolean(false);
        if (masked && !options.isMasked()) requireMaskable(name, value);
        ObjectNode body = attributes(value, masked);
        body.putObject("filter").put("environment_scope", options.environmentScope());
        HttpResult updated =
                send(HttpCall.put(variableUri(name, false)).json(body.toString()), "Updating GitLab variable " + name);
        failures.requireSuccess(updated, name);
        return StoreResult.UPDATED;
    }

    private ObjectNode attributes(Secret value, boolean masked) {
        ObjectNode body = JSON.createObjectNode()
                .put("value", value.reveal())
                .put("variable_type", "env_var")
                .put("masked", masked)
                .put("protected", options.protectedVariable())
                .put("raw", options.raw());
        if (options.description() != null) body.put("description", options.description());
        return body;
    }

    private void requireMaskable(String name, Secret value) {
        GitLabMaskingRules.whyNotMaskable(value, options.raw()).ifPresent(reason -> {
            throw new MachinistException(
                    ErrorKind.REFUSED,
                    "Refusing to store GitLab variable " + name + " as masked: " + reason
                            + ". Nothing was sent to GitLab.");
        });
    }

    private HttpResult send(HttpCall.Builder call, String what) {
        return connection
                .http()
                .send(call.header("PRIVATE-TOKEN", connection.token().reveal())
                        .what(what)
                        .build());
    }

    private URI collectionUri() {
        return URI.create(connection.apiBase() + "/projects/" + encode(project) + "/variables");
    }

    private URI variableUri(String key, boolean withScopeFilter) {
        String query = withScopeFilter ? "?filter%5Benvironment_scope%5D=" + encode(options.environmentScope()) : "";
        return URI.create(collectionUri() + "/" + key + query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String describe() {
        return "GitLab CI/CD variables of project " + project + " (scope " + options.environmentScope() + ")";
    }

    @Override
    public String toString() {
        return "GitLabStore[" + describe() + "]";
    }
}
