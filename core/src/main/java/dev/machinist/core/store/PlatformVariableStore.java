package dev.machinist.core.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpCall;
import dev.machinist.core.http.HttpErrors;
import dev.machinist.core.http.HttpResult;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Project or environment variables of the Platform.sh family, created or updated: GET the variable (its id
 * is its URL-encoded name), PATCH it if it exists, POST it otherwise; as platformsh-client-php's
 * {@code setVariable} does. Storing the bot's own API token as the sensitive top-level variable
 * {@code env:PLATFORMSH_CLI_TOKEN} of an environment lets the vendor CLI run in cron jobs on the app container.
 */
public final class PlatformVariableStore implements SecretStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformApiAccess api;
    private final String projectId;
    private final String environment;
    private final PlatformVariableOptions options;

    private PlatformVariableStore(
            PlatformApiAccess api, String projectId, String environment, PlatformVariableOptions options) {
        if (projectId == null || !projectId.matches("[A-Za-z0-9_-]+")) {
            throw MachinistException.usage("'" + projectId + "' is not a project id (e.g. abcdefgh1234567).");
        }
        if (environment != null && environment.isBlank()) {
            throw MachinistException.usage("The environment name is empty.");
        }
        if (environment == null && (options.inheritable() != null || options.enabled() != null)) {
            throw MachinistException.usage("Inheritable and enabled apply to environment variables only: give an"
                    + " environment, or leave them out.");
        }
        this.api = api;
        this.projectId = projectId;
        this.environment = environment;
        this.options = options;
    }

    public static PlatformVariableStore project(
            PlatformApiAccess api, String projectId, PlatformVariableOptions options) {
        return new PlatformVariableStore(api, projectId, null, options);
    }

    public static PlatformVariableStore environment(
            PlatformApiAccess api, String projectId, String environment, PlatformVariableOptions options) {
        if (environment == null) throw MachinistException.usage("The environment name is missing.");
        return new PlatformVariableStore(api, projectId, environment, options);
    }

    @Override
    public StoreResult store(String name, Secret value) {
        if (name == null || name.isBlank() || !name.matches("\\S+")) {
            throw MachinistException.usage("'" + name + "' is not a variable name: use e.g. env:PLATFORMSH_CLI_TOKEN"
                    + " (the env: prefix makes it a top-level environment variable).");
        }
        Secret token = api.accessToken().get();
        HttpResult existing =
                send(HttpCall.get(variableUri(name)), token, "Reading " + api.vendorName() + " variable " + name);
        if (existing.status() == 404) {
            ObjectNode body = attributes(value).put("name", name);
            HttpResult created = send(
                    HttpCall.post(collectionUri()).json(body.toString()),
                    token,
                    "Creating " + api.vendorName() + " variable " + name);
            requireSuccess(created, name);
            return StoreResult.CREATED;
        }
        requireSuccess(existing, name);
        HttpResult updated = send(
                HttpCall.patch(variableUri(name)).json(attributes(value).toString()),
                token,
                "Updating " + api.vendorName() + " variable " + name);
        requireSuccess(updated, name);
        return StoreResult.UPDATED;
    }

    private ObjectNode attributes(Secret value) {
        ObjectNode body = JSON.createObjectNode().put("value", value.reveal());
        if (options.sensitive()) body.put("is_sensitive", true);
        if (options.json() != null) body.put("is_json", options.json());
        if (options.visibleBuild() != null) body.put("visible_build", options.visibleBuild());
        if (options.visibleRuntime() != null) body.put("visible_runtime", options.visibleRuntime());
        if (options.inheritable() != null) body.put("is_inheritable", options.inheritable());
        if (options.enabled() != null) body.put("is_enabled", options.enabled());
        return body;
    }

    private void requireSuccess(HttpResult result, String name) {
        if (result.isSuccess()) return;
        String vendor = api.vendorName();
        throw switch (result.status()) {
            case 401 ->
                new MachinistException(
                        ErrorKind.BAD_TOKEN,
                        vendor + " rejected the access token (401): check " + api.tokenVariable()
                                + "; the API token may have been revoked.");
            case 403 ->
                new MachinistException(
                        ErrorKind.FORBIDDEN,
                        vendor + " refused to let the bot manage variables of " + where() + " (403): it needs the Admin"
                                + " role on the " + (environment == null ? "project" : "environment") + ".");
            case 404 ->
                new MachinistException(
                        ErrorKind.NOT_FOUND, vendor + " " + where() + " not found or the bot cannot see it.");
            case 400, 409, 422 ->
                new MachinistException(
                        ErrorKind.REFUSED,
                        vendor + " refused variable " + name + " of " + where() + " (" + result.status()
                                + HttpErrors.vendorMessage(result)
                                        .map(m -> ": " + m)
                                        .orElse("") + ").");
            default -> HttpErrors.classify(result, null);
        };
    }

    private HttpResult send(HttpCall.Builder call, Secret token, String what) {
        return api.http().send(call.bearer(token.reveal()).what(what).build());
    }

    private String where() {
        return environment == null ? "project " + projectId : "environment " + environment + " of project " + projectId;
    }

    private URI collectionUri() {
        String env = environment == null ? "" : "/environments/" + encode(environment);
        return URI.create(api.apiBase() + "/projects/" + encode(projectId) + env + "/variables");
    }

    private URI variableUri(String name) {
        return URI.create(collectionUri() + "/" + encode(name));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String describe() {
        return api.vendorName() + " variables of " + where();
    }

    @Override
    public String toString() {
        return "PlatformVariableStore[" + describe() + "]";
    }
}
