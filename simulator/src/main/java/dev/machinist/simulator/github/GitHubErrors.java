package dev.machinist.simulator.github;

import dev.machinist.simulator.SimResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** GitHub's REST error bodies: {"message", "documentation_url", "status"} with the status as a string. */
final class GitHubErrors {
    private static final String DOCS = "https://docs.github.com/rest";

    private GitHubErrors() {}

    static SimResponse badCredentials() {
        return error(401, "Bad credentials");
    }

    static SimResponse notFound() {
        return error(404, "Not Found");
    }

    static SimResponse invalid(String detail) {
        return error(422, "Invalid request.\n\n" + detail);
    }

    static SimResponse error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("documentation_url", DOCS);
        body.put("status", String.valueOf(status));
        return SimResponse.json(status, body);
    }
}
