package dev.machinist.simulator.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimRequest;
import dev.machinist.simulator.SimResponse;
import dev.machinist.simulator.VendorSimulator;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GitLab's project variables API under {@code {base}/gitlab/api/v4} (CI_API_V4_URL): GET, POST, PUT and
 * DELETE of variables keyed by (key, environment_scope), PRIVATE-TOKEN authentication, masking validation
 * and GitLab's error shapes. A JOB-TOKEN is refused, as GitLab refuses CI_JOB_TOKEN on this API.
 */
public final class GitLabSimulator implements VendorSimulator {
    public static final String DEMO_TOKEN = "glpat-machinistDemo00000000";
    public static final String DEMO_PROJECT_PATH = "machinist-demo/app";
    public static final long DEMO_PROJECT_ID = 101;
    static final String MOUNT = "/gitlab/api/v4";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]{1,255}");

    private final Map<String, Long> projectIds = new HashMap<>();
    private final Map<Long, List<GitLabVariable>> variables = new HashMap<>();

    public GitLabSimulator() {
        addProject(DEMO_PROJECT_ID, DEMO_PROJECT_PATH);
    }

    public synchronized GitLabSimulator addProject(long id, String path) {
        projectIds.put(path, id);
        projectIds.put(String.valueOf(id), id);
        variables.putIfAbsent(id, new ArrayList<>());
        return this;
    }

    public synchronized Optional<GitLabVariable> variable(long projectId, String key, String environmentScope) {
        return variables.getOrDefault(projectId, List.of()).stream()
                .filter(v -> v.key().equals(key) && v.environmentScope().equals(environmentScope))
                .findFirst();
    }

    @Override
    public String key() {
        return "gitlab";
    }

    @Override
    public void install(Router router, URI base) {
        String vars = MOUNT + "/projects/{id}/variables";
        router.add("gitlab.variables.list", "GET", vars, r -> authed(r, p -> list(p)));
        router.add("gitlab.variables.get", "GET", vars + "/{key}", r -> authed(r, p -> get(r, p)));
        router.add("gitlab.variables.create", "POST", vars, r -> authed(r, p -> create(r, p)));
        router.add("gitlab.variables.update", "PUT", vars + "/{key}", r -> authed(r, p -> update(r, p)));
        router.add("gitlab.variables.delete", "DELETE", vars + "/{key}", r -> authed(r, p -> delete(r, p)));
    }

    @Override
    public Map<String, Object> describe(URI base) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "env",
                Map.of(
                        "GITLAB_TOKEN",
                        DEMO_TOKEN,
                        "CI_API_V4_URL",
                        base + MOUNT,
                        "CI_PROJECT_ID",
                        String.valueOf(DEMO_PROJECT_ID)));
        out.put("projectId", DEMO_PROJECT_ID);
        out.put("projectPath", DEMO_PROJECT_PATH);
        return out;
    }

    private interface ProjectHandler {
        SimResponse handle(long projectId) throws Exception;
    }

    private synchronized SimResponse authed(SimRequest r, ProjectHandler handler) throws Exception {
        String token = r.header("PRIVATE-TOKEN").or(r::bearer).orElse("");
        if (!token.equals(DEMO_TOKEN)) return SimResponse.json(401, Map.of("message", "401 Unauthorized"));
        Long id = projectIds.get(decode(r.param(0)));
        if (id == null) return SimResponse.json(404, Map.of("message", "404 Project Not Found"));
        return handler.handle(id);
    }

    private SimResponse list(long projectId) {
        return SimResponse.json(
                200,
                variables.get(projectId).stream().map(GitLabSimulator::view).toList());
    }

    private SimResponse get(SimRequest r, long projectId) {
        List<GitLabVariable> found = matching(projectId, r.param(1), r.query().get("filter[environment_scope]"));
        if (found.isEmpty()) return SimResponse.json(404, Map.of("message", "404 Variable Not Found"));
        if (found.size() > 1) return ambiguous();
        return SimResponse.json(200, view(found.get(0)));
    }

    private SimResponse create(SimRequest r, long projectId) throws java.io.IOException {
        Map<String, String> in = params(r);
        String key = in.getOrDefault("key", "");
        if (!in.containsKey("value")) return SimResponse.json(400, Map.of("error", "value is missing"));
        if (!in.containsKey("key")) return SimResponse.json(400, Map.of("error", "key is missing"));
        if (!KEY.matcher(key).matches()) {
            return fieldError("key", "can contain only letters, digits and '_'.");
        }
        String scope = in.getOrDefault("environment_scope", "*");
        if (variable(projectId, key, scope).isPresent()) {
            return fieldError("key", "(" + key + ") has already been taken");
        }
        boolean hidden = bool(in, "masked_and_hidden");
        GitLabVariable v = new GitLabVariable(
                key,
                in.get("value"),
                scope,
                hidden || bool(in, "masked"),
                hidden,
                bool(in, "protected"),
                bool(in, "raw"),
                in.get("description"),
                in.getOrDefault("variable_type", "env_var"));
        if (v.masked() && !GitLabMasking.maskable(v.value(), v.raw())) return fieldError("value", "is invalid");
        variables.get(projectId).add(v);
        return SimResponse.json(201, view(v));
    }

    private SimResponse update(SimRequest r, long projectId) throws java.io.IOException {
        Map<String, String> in = params(r);
        List<GitLabVariable> found = matching(projectId, r.param(1), in.get("filter[environment_scope]"));
        if (found.isEmpty()) return SimResponse.json(404, Map.of("message", "404 Variable Not Found"));
        if (found.size() > 1) return ambiguous();
        GitLabVariable old = found.get(0);
        if (!in.containsKey("value")) return SimResponse.json(400, Map.of("error", "value is missing"));
        boolean masked = in.containsKey("masked") ? bool(in, "masked") : old.masked();
        if (old.hidden() && !masked) return fieldError("masked", "cannot be unset for a hidden variable");
        GitLabVariable v = new GitLabVariable(
                old.key(),
                in.get("value"),
                in.getOrDefault("environment_scope", old.environmentScope()),
                masked,
                old.hidden(),
                in.containsKey("protected") ? bool(in, "protected") : old.isProtected(),
                in.containsKey("raw") ? bool(in, "raw") : old.raw(),
                in.getOrDefault("description", old.description()),
                in.getOrDefault("variable_type", old.variableType()));
        if (v.masked() && !GitLabMasking.maskable(v.value(), v.raw())) return fieldError("value", "is invalid");
        List<GitLabVariable> list = variables.get(projectId);
        list.set(list.indexOf(old), v);
        return SimResponse.json(200, view(v));
    }

    private SimResponse delete(SimRequest r, long projectId) {
        List<GitLabVariable> found = matching(projectId, r.param(1), r.query().get("filter[environment_scope]"));
        if (found.isEmpty()) return SimResponse.json(404, Map.of("message", "404 Variable Not Found"));
        if (found.size() > 1) return ambiguous();
        variables.get(projectId).remove(found.get(0));
        return SimResponse.empty(204);
    }

    private List<GitLabVariable> matching(long projectId, String rawKey, String scope) {
        String key = decode(rawKey);
        return variables.get(projectId).stream()
                .filter(v -> v.key().equals(key)
                        && (scope == null || v.environmentScope().equals(scope)))
                .toList();
    }

    private static SimResponse ambiguous() {
        return SimResponse.json(
                409,
                Map.of(
                        "message",
                        "There are multiple variables with provided parameters."
                                + " Please use 'filter[environment_scope]'."));
    }

    private static SimResponse fieldError(String field, String problem) {
        return SimResponse.json(400, Map.of("message", Map.of(field, List.of(problem))));
    }

    private static Map<String, Object> view(GitLabVariable v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("variable_type", v.variableType());
        out.put("key", v.key());
        out.put("value", v.hidden() ? null : v.value());
        out.put("protected", v.isProtected());
        out.put("masked", v.masked());
        out.put("hidden", v.hidden());
        out.put("raw", v.raw());
        out.put("environment_scope", v.environmentScope());
        out.put("description", v.description());
        return out;
    }

    /** GitLab takes form or JSON bodies; the PUT filter may also come in the query string. */
    private static Map<String, String> params(SimRequest r) throws java.io.IOException {
        Map<String, String> out = new HashMap<>(r.query());
        String type = r.header("Content-Type").orElse("");
        if (type.startsWith("application/json")) {
            JsonNode node = JSON.readTree(r.body());
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isObject()) {
                    e.getValue()
                            .fields()
                            .forEachRemaining(f -> out.put(
                                    e.getKey() + "[" + f.getKey() + "]",
                                    f.getValue().asText()));
                } else if (!e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        } else {
            out.putAll(r.form());
        }
        return out;
    }

    private static boolean bool(Map<String, String> in, String name) {
        return "true".equalsIgnoreCase(in.get(name));
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
