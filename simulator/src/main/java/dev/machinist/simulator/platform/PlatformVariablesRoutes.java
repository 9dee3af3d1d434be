package dev.machinist.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimRequest;
import dev.machinist.simulator.SimResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The Platform.sh family's variables API (upsun-sdk-php ProjectVariablesApi / EnvironmentVariablesApi):
 * {@code /projects/{id}/variables[/{name}]} and {@code /projects/{id}/environments/{env}/variables[/{name}]},
 * GET, POST (create), PATCH (update), DELETE. The variable id in a path is its URL-encoded name. Sensitive
 * values are never returned. The Platform simulator installs this under its API prefix with its own check of
 * bearer access tokens.
 */
public final class PlatformVariablesRoutes {
    private final String prefix;
    private final Predicate<String> acceptsAccessToken;
    private final Map<String, Set<String>> environments = new ConcurrentHashMap<>();
    private final Map<String, PlatformVariable> variables = new ConcurrentHashMap<>();

    /**
     * @param prefix path prefix of the API on the simulator server, e.g. {@code /platformsh/api}
     * @param acceptsAccessToken whether a bearer token is a valid access token
     */
    public PlatformVariablesRoutes(String prefix, Predicate<String> acceptsAccessToken) {
        this.prefix = prefix;
        this.acceptsAccessToken = acceptsAccessToken;
    }

    public PlatformVariablesRoutes addProject(String projectId, String... environmentIds) {
        environments.put(projectId, ConcurrentHashMap.newKeySet());
        for (String env : environmentIds) environments.get(projectId).add(env);
        return this;
    }

    /** A stored variable; {@code environment} null means the project level. */
    public Optional<PlatformVariable> variable(String projectId, String environment, String name) {
        return Optional.ofNullable(variables.get(storeKey(projectId, environment, name)));
    }

    /** Registers the routes under {@code routePrefix} names, e.g. "platformsh" gives "platformsh.variables.get". */
    public void install(Router router, String routePrefix) {
        String project = prefix + "/projects/{project}/variables";
        String env = prefix + "/projects/{project}/environments/{env}/variables";
        router.add(routePrefix + ".variables.create", "POST", project, r -> handle(r, false, null));
        router.add(routePrefix + ".variables.get", "GET", project + "/{name}", r -> handle(r, false, r.param(1)));
        router.add(routePrefix + ".variables.update", "PATCH", project + "/{name}", r -> handle(r, false, r.param(1)));
        router.add(routePrefix + ".variables.delete", "DELETE", project + "/{name}", r -> handle(r, false, r.param(1)));
        router.add(routePrefix + ".environmentVariables.create", "POST", env, r -> handle(r, true, null));
        router.add(routePrefix + ".environmentVariables.get", "GET", env + "/{name}", r -> handle(r, true, r.param(2)));
        router.add(
                routePrefix + ".environmentVariables.update",
                "PATCH",
                env + "/{name}",
                r -> handle(r, true, r.param(2)));
        router.add(
                routePrefix + ".environmentVariables.delete",
                "DELETE",
                env + "/{name}",
                r -> handle(r, true, r.param(2)));
    }

    private synchronized SimResponse handle(SimRequest r, boolean atEnvironment, String rawName) {
        if (r.bearer().filter(acceptsAccessToken).isEmpty()) {
            return error(401, "Unauthorized", "Invalid or expired access token.");
        }
        String projectId = decode(r.param(0));
        Set<String> envs = environments.get(projectId);
        if (envs == null) return error(404, "Not Found", "Project not found.");
        String environment = atEnvironment ? decode(r.param(1)) : null;
        if (atEnvironment && !envs.contains(environment)) return error(404, "Not Found", "Environment not found.");
        if (rawName == null) return create(r, projectId, environment);
        String key = storeKey(projectId, environment, decode(rawName));
        PlatformVariable existing = variables.get(key);
        if (existing == null) return error(404, "Not Found", "Variable not found.");
        return switch (r.method()) {
            case "GET" -> SimResponse.json(200, view(projectId, environment, existing));
            case "DELETE" -> {
                variables.remove(key);
                yield SimResponse.json(200, Map.of("status", "deleted", "code", 200));
            }
            default -> update(r, key, existing);
        };
    }

    private SimResponse create(SimRequest r, String projectId, String environment) {
        JsonNode in = r.json();
        if (in == null || !in.hasNonNull("name") || !in.hasNonNull("value")) {
            return error(400, "Bad Request", "Both 'name' and 'value' are required.");
        }
        String name = in.get("name").asText();
        String key = storeKey(projectId, environment, name);
        if (variables.containsKey(key)) return error(409, "Conflict", "A variable with this name already exists.");
        PlatformVariable v = new PlatformVariable(
                name,
                in.get("value").asText(),
                in.path("is_json").asBoolean(false),
                in.path("is_sensitive").asBoolean(false),
                in.path("visible_build").asBoolean(true),
                in.path("visible_runtime").asBoolean(true),
                in.path("is_inheritable").asBoolean(true),
                in.path("is_enabled").asBoolean(true),
                1);
        variables.put(key, v);
        return SimResponse.json(201, Map.of("status", "created", "code", 201));
    }

    private SimResponse update(SimRequest r, String key, PlatformVariable old) {
        JsonNode in = r.json();
        if (in == null) return error(400, "Bad Request", "The body must be a JSON object.");
        if (old.sensitive() && in.has("is_sensitive") && !in.get("is_sensitive").asBoolean()) {
            return error(400, "Bad Request", "A sensitive variable cannot be made non-sensitive.");
        }
        PlatformVariable v = new PlatformVariable(
                old.name(),
                in.path("value").asText(old.value()),
                in.path("is_json").asBoolean(old.json()),
                in.path("is_sensitive").asBoolean(old.sensitive()),
                in.path("visible_build").asBoolean(old.visibleBuild()),
                in.path("visible_runtime").asBoolean(old.visibleRuntime()),
                in.path("is_inheritable").asBoolean(old.inheritable()),
                in.path("is_enabled").asBoolean(old.enabled()),
                old.writes() + 1);
        variables.put(key, v);
        return SimResponse.json(200, Map.of("status", "updated", "code", 200));
    }

    private static Map<String, Object> view(String projectId, String environment, PlatformVariable v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", v.name());
        out.put("name", v.name());
        out.put("project", projectId);
        if (environment != null) {
            out.put("environment", environment);
            out.put("inherited", false);
            out.put("is_enabled", v.enabled());
            out.put("is_inheritable", v.inheritable());
        }
        if (!v.sensitive()) out.put("value", v.value());
        out.put("is_json", v.json());
        out.put("is_sensitive", v.sensitive());
        out.put("visible_build", v.visibleBuild());
        out.put("visible_runtime", v.visibleRuntime());
        return out;
    }

    private static SimResponse error(int code, String title, String message) {
        return SimResponse.json(code, Map.of("status", "error", "code", code, "title", title, "message", message));
    }

    private static String storeKey(String projectId, String environment, String name) {
        return projectId + "|" + (environment == null ? "" : environment) + "|" + name;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
