package dev.machinist.core.store;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpTransport;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where and as whom to talk to GitLab: the REST v4 base (gitlab.com or self-managed), a token sent as
 * PRIVATE-TOKEN and the variable it came from, and the HTTP layer.
 */
public record GitLabConnection(URI apiBase, Secret token, String tokenSource, HttpTransport http) {
    public static final String DEFAULT_API = "https://gitlab.com/api/v4";

    public GitLabConnection {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(http, "http");
        apiBase = ApiBase.withoutTrailingSlash(apiBase);
    }

    /**
     * The API base from {@code apiUrlOption}, else CI_API_V4_URL (set in every GitLab job), else gitlab.com;
     * the token from GITLAB_TOKEN. CI_JOB_TOKEN is refused with an explanation: GitLab does not accept job
     * tokens on the project variables API (docs: ci/jobs/ci_job_token, "Job token access"), whatever the
     * role of the user who started the pipeline.
     */
    public static GitLabConnection fromEnvironment(Map<String, String> env, String apiUrlOption, HttpTransport http) {
        String api = !isBlank(apiUrlOption)
                ? apiUrlOption
                : !isBlank(env.get("CI_API_V4_URL")) ? env.get("CI_API_V4_URL") : DEFAULT_API;
        String token = env.get("GITLAB_TOKEN");
        if (isBlank(token)) {
            String jobTokenNote = isBlank(env.get("CI_JOB_TOKEN"))
                    ? ""
                    : " CI_JOB_TOKEN cannot be used: GitLab does not accept job tokens on the project variables API.";
            throw MachinistException.usage("No GitLab token: set GITLAB_TOKEN to a project, group or personal access"
                    + " token with the api scope whose user has at least the Maintainer role." + jobTokenNote);
        }
        URI base = ApiBase.parse(api, "GitLab", "https://gitlab.example.com/api/v4");
        return new GitLabConnection(base, Secret.of("GITLAB_TOKEN", token.trim()), "GITLAB_TOKEN", http);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "GitLabConnection[" + apiBase + ", token from " + tokenSource + "]";
    }
}
