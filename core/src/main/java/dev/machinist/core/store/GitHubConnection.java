package dev.machinist.core.store;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpTransport;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where and as whom to talk to GitHub: the REST API base (github.com or GitHub Enterprise Server), the token
 * and the name of the variable it came from (so messages can say which one to fix), and the HTTP layer.
 */
public record GitHubConnection(URI apiBase, Secret token, String tokenSource, HttpTransport http) {
    public static final String DEFAULT_API = "https://api.github.com";

    public GitHubConnection {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(http, "http");
        apiBase = ApiBase.withoutTrailingSlash(apiBase);
    }

    /**
     * The API base from {@code apiUrlOption}, else GITHUB_API_URL (which GitHub Actions sets, also on GitHub
     * Enterprise Server), else api.github.com; the token from GITHUB_TOKEN, else GH_TOKEN.
     */
    public static GitHubConnection fromEnvironment(Map<String, String> env, String apiUrlOption, HttpTransport http) {
        String api = firstNonBlank(apiUrlOption, env.get("GITHUB_API_URL"), DEFAULT_API);
        String source =
                !isBlank(env.get("GITHUB_TOKEN")) ? "GITHUB_TOKEN" : !isBlank(env.get("GH_TOKEN")) ? "GH_TOKEN" : null;
        if (source == null) {
            throw MachinistException.usage("No GitHub token: set GITHUB_TOKEN (or GH_TOKEN) to a token that may write"
                    + " Actions secrets (classic: repo scope, admin:org for organization secrets; fine-grained:"
                    + " Secrets read and write).");
        }
        URI base = ApiBase.parse(api, "GitHub", "https://api.github.com or https://github.example.com/api/v3");
        return new GitHubConnection(base, Secret.of(source, env.get(source).trim()), source, http);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (!isBlank(v)) return v;
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "GitHubConnection[" + apiBase + ", token from " + tokenSource + "]";
    }
}
