package dev.machinist.simulator.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimRequest;
import dev.machinist.simulator.SimResponse;
import dev.machinist.simulator.VendorSimulator;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The GitHub Actions secrets API under {@code {base}/github} (so {@code GITHUB_API_URL={base}/github}):
 * public keys of repositories, environments and organizations, and PUT of sealed secrets answering 201 on
 * create and 204 on update. Each scope holds its own X25519 keypair and opens what clients sealed, so tests
 * can assert the stored plaintext. Tokens are accepted as {@code Authorization: token X} or {@code Bearer X}.
 */
public final class GitHubSimulator implements VendorSimulator {
    public static final String DEMO_TOKEN = "ghp_machinistDemoToken0000000000000000000";
    public static final String DEMO_REPOSITORY = "machinist-demo/app";
    public static final String DEMO_ENVIRONMENT = "production";
    public static final String DEMO_ORGANIZATION = "machinist-demo";
    static final String MOUNT = "/github";
    // GitHub: letters, digits and underscores, not starting with a digit, no GITHUB_ prefix.
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<String> tokens = new ArrayList<>(List.of(DEMO_TOKEN));
    private final Map<String, Long> repositories = new ConcurrentHashMap<>();
    private final Map<String, SealedBoxKeys> keys = new ConcurrentHashMap<>();
    private final Map<String, GitHubSecret> secrets = new ConcurrentHashMap<>();
    private int keyCounter;

    public GitHubSimulator() {
        addRepository(DEMO_REPOSITORY, 4242L);
        addEnvironment(DEMO_REPOSITORY, DEMO_ENVIRONMENT);
        addOrganization(DEMO_ORGANIZATION);
    }

    public synchronized GitHubSimulator addRepository(String fullName, long id) {
        repositories.put(fullName, id);
        keys.put("repo:" + fullName, newKeys());
        return this;
    }

    public synchronized GitHubSimulator addEnvironment(String repository, String environment) {
        keys.put("env:" + repository + ":" + environment, newKeys());
        return this;
    }

    public synchronized GitHubSimulator addOrganization(String org) {
        keys.put("org:" + org, newKeys());
        return this;
    }

    /** Replaces the repository's keypair, as GitHub may: a box sealed for the old key_id is then refused. */
    public synchronized void rotateRepositoryKey(String repository) {
        keys.put("repo:" + repository, newKeys());
    }

    public Optional<GitHubSecret> repositorySecret(String repository, String name) {
        return Optional.ofNullable(secrets.get("repo:" + repository + "/" + name.toUpperCase()));
    }

    public Optional<GitHubSecret> environmentSecret(String repository, String environment, String name) {
        return Optional.ofNullable(secrets.get("env:" + repository + ":" + environment + "/" + name.toUpperCase()));
    }

    public Optional<GitHubSecret> organizationSecret(String org, String name) {
        return Optional.ofNullable(secrets.get("org:" + org + "/" + name.toUpperCase()));
    }

    @Override
    public String key() {
        return "github";
    }

    @Override
    public void install(Router router, URI base) {
        // GitHub API for Java asks who the token belongs to when it is built with an OAuth token.
        router.add(
                "github.user",
                "GET",
                MOUNT + "/user",
                r -> authed(
                        r,
                        () -> SimResponse.json(
                                200,
                                Map.of(
                                        "login",
                                        "machinist-bot",
                                        "id",
                                        9001,
                                        "type",
                                        "User",
                                        "url",
                                        base + MOUNT + "/users/machinist-bot"))));
        router.add(
                "github.repository", "GET", MOUNT + "/repos/{owner}/{repo}", r -> authed(r, () -> repository(r, base)));
        router.add(
                "github.repository.publicKey",
                "GET",
                MOUNT + "/repos/{owner}/{repo}/actions/secrets/public-key",
                r -> authed(r, () -> publicKey("repo:" + repo(r))));
        router.add(
                "github.repository.putSecret",
                "PUT",
                MOUNT + "/repos/{owner}/{repo}/actions/secrets/{name}",
                r -> authed(r, () -> put(r, "repo:" + repo(r), r.param(2), false)));
        router.add(
                "github.environment.publicKey",
                "GET",
                MOUNT + "/repos/{owner}/{repo}/environments/{env}/secrets/public-key",
                r -> authed(r, () -> publicKey(environmentScope(r))));
        router.add(
                "github.environment.putSecret",
                "PUT",
                MOUNT + "/repos/{owner}/{repo}/environments/{env}/secrets/{name}",
                r -> authed(r, () -> put(r, environmentScope(r), r.param(3), false)));
        router.add(
                "github.organization.publicKey",
                "GET",
                MOUNT + "/orgs/{org}/actions/secrets/public-key",
                r -> authed(r, () -> publicKey("org:" + decode(r.param(0)))));
        router.add(
                "github.organization.putSecret",
                "PUT",
                MOUNT + "/orgs/{org}/actions/secrets/{name}",
                r -> authed(r, () -> put(r, "org:" + decode(r.param(0)), r.param(1), true)));
    }

    @Override
    public Map<String, Object> describe(URI base) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("env", Map.of("GITHUB_TOKEN", DEMO_TOKEN, "GITHUB_API_URL", base + MOUNT));
        out.put("repository", DEMO_REPOSITORY);
        out.put("repositoryId", repositories.get(DEMO_REPOSITORY));
        out.put("environment", DEMO_ENVIRONMENT);
        out.put("organization", DEMO_ORGANIZATION);
        return out;
    }

    private interface Handler {
        SimResponse handle() throws Exception;
    }

    private SimResponse authed(SimRequest request, Handler handler) throws Exception {
        Optional<String> auth = request.header("Authorization");
        String token = auth.map(
                        a -> a.replaceFirst("(?i)^(token|bearer)\\s+", "").trim())
                .orElse("");
        if (!tokens.contains(token)) return GitHubErrors.badCredentials();
        return handler.handle();
    }

    private SimResponse repository(SimRequest r, URI base) {
        String fullName = repo(r);
        Long id = repositories.get(fullName);
        if (id == null) return GitHubErrors.notFound();
        String owner = fullName.substring(0, fullName.indexOf('/'));
        String url = base + MOUNT + "/repos/" + fullName;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", fullName.substring(owner.length() + 1));
        body.put("full_name", fullName);
        body.put(
                "owner",
                Map.of("login", owner, "id", 1, "type", "Organization", "url", base + MOUNT + "/users/" + owner));
        body.put("private", true);
        body.put("url", url);
        body.put("html_url", "https://github.com/" + fullName);
        body.put("permissions", Map.of("admin", true, "push", true, "pull", true));
        return SimResponse.json(200, body);
    }

    private SimResponse publicKey(String scope) {
        SealedBoxKeys k = keys.get(scope);
        if (k == null) return GitHubErrors.notFound();
        return SimResponse.json(200, Map.of("key_id", k.keyId(), "key", k.publicKeyBase64()));
    }

    private synchronized SimResponse put(SimRequest r, String scope, String rawName, boolean organization) {
        SealedBoxKeys k = keys.get(scope);
        if (k == null) return GitHubErrors.notFound();
        String name = decode(rawName);
        if (!SECRET_NAME.matcher(name).matches() || name.toUpperCase().startsWith("GITHUB_")) {
            return GitHubErrors.invalid("Secret names can only contain alphanumeric characters ([a-z], [A-Z], [0-9])"
                    + " or underscores (_), must not start with a number and must not start with GITHUB_.");
        }
        JsonNode body = r.json();
        if (body == null || !body.hasNonNull("encrypted_value")) {
            return GitHubErrors.invalid("\"encrypted_value\" wasn't supplied.");
        }
        if (!body.hasNonNull("key_id")) return GitHubErrors.invalid("\"key_id\" wasn't supplied.");
        if (!k.keyId().equals(body.get("key_id").asText())) {
            return GitHubErrors.error(422, "Bad request - key_id is not valid: the public key has changed.");
        }
        Optional<String> plaintext = k.open(body.get("encrypted_value").asText());
        if (plaintext.isEmpty()) {
            return GitHubErrors.error(422, "Bad request - encrypted_value could not be decrypted with key_id.");
        }
        String visibility = null;
        List<Long> selected = List.of();
        if (organization) {
            visibility = body.path("visibility").asText("");
            if (!List.of("all", "private", "selected").contains(visibility)) {
                return GitHubErrors.invalid("\"visibility\" must be one of: all, private, selected.");
            }
            List<Long> ids = new ArrayList<>();
            body.path("selected_repository_ids").forEach(n -> ids.add(n.asLong()));
            selected = ids;
        }
        String storeKey = scope + "/" + name.toUpperCase();
        GitHubSecret previous = secrets.get(storeKey);
        int writes = previous == null ? 1 : previous.writes() + 1;
        secrets.put(storeKey, new GitHubSecret(plaintext.get(), visibility, selected, writes));
        return SimResponse.empty(previous == null ? 201 : 204);
    }

    private SealedBoxKeys newKeys() {
        return new SealedBoxKeys(String.valueOf(568250167242549743L + (++keyCounter)));
    }

    private static String repo(SimRequest r) {
        return decode(r.param(0)) + "/" + decode(r.param(1));
    }

    private static String environmentScope(SimRequest r) {
        return "env:" + repo(r) + ":" + decode(r.param(2));
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
