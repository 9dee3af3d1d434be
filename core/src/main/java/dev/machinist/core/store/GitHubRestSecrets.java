package dev.machinist.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.crypto.SealedBox;
import dev.machinist.core.http.HttpCall;
import dev.machinist.core.http.HttpResult;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Environment and organization secrets, which GitHub API for Java does not cover, through the core's HTTP
 * layer: GET the scope's public key, seal, PUT (201 created, 204 updated).
 */
final class GitHubRestSecrets {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitHubConnection connection;
    private final String scopePath;
    private final String where;
    private final String notFoundHint;
    private final OrgVisibility visibility;
    private final List<Long> selectedRepositoryIds;

    private GitHubRestSecrets(
            GitHubConnection connection,
            String scopePath,
            String where,
            String notFoundHint,
            OrgVisibility visibility,
            List<Long> selectedRepositoryIds) {
        this.connection = connection;
        this.scopePath = scopePath;
        this.where = where;
        this.notFoundHint = notFoundHint;
        this.visibility = visibility;
        this.selectedRepositoryIds = selectedRepositoryIds;
    }

    static GitHubRestSecrets environment(GitHubConnection connection, String repository, String environment) {
        return new GitHubRestSecrets(
                connection,
                "/repos/" + repository + "/environments/" + segment(environment) + "/secrets",
                "environment " + environment + " of repository " + repository,
                "create the environment in the repository settings first; fine-grained tokens need Secrets: write",
                null,
                List.of());
    }

    static GitHubRestSecrets organization(
            GitHubConnection connection, String org, OrgVisibility visibility, List<Long> selectedRepositoryIds) {
        return new GitHubRestSecrets(
                connection,
                "/orgs/" + org + "/actions/secrets",
                "organization " + org,
                "classic tokens need admin:org; fine-grained tokens need Organization secrets: write",
                visibility,
                selectedRepositoryIds);
    }

    StoreResult store(String name, Secret value) {
        HttpResult keyResult = send(HttpCall.get(uri("/public-key")), "GitHub public key of " + where);
        JsonNode key = keyResult.json();
        if (!key.hasNonNull("key") || !key.hasNonNull("key_id")) {
            throw keyResult.malformed("no key or key_id");
        }
        ObjectNode body = JSON.createObjectNode()
                .put("encrypted_value", SealedBox.sealBase64(key.get("key").asText(), value))
                .put("key_id", key.get("key_id").asText());
        if (visibility != null) {
            body.put("visibility", visibility.apiValue());
            if (visibility == OrgVisibility.SELECTED) {
                selectedRepositoryIds.forEach(body.putArray("selected_repository_ids")::add);
            }
        }
        HttpResult put =
                send(HttpCall.put(uri("/" + segment(name))).json(body.toString()), "Storing GitHub secret " + name);
        if (put.status() == 201) return StoreResult.CREATED;
        if (put.status() == 204) return StoreResult.UPDATED;
        throw new MachinistException(
                ErrorKind.MALFORMED_RESPONSE,
                "GitHub answered HTTP " + put.status() + " to storing " + name + " in " + where
                        + "; expected 201 or 204.");
    }

    private HttpResult send(HttpCall.Builder call, String what) {
        HttpResult result = connection
                .http()
                .send(call.header(
                                "Authorization", "Bearer " + connection.token().reveal())
                        .header("Accept", "application/vnd.github+json")
                        .header("X-GitHub-Api-Version", "2022-11-28")
                        .what(what)
                        .build());
        if (!result.isSuccess()) {
            throw GitHubFailures.forStatus(
                    result.status(), GitHubFailures.vendorMessage(result.bodyText()), where, notFoundHint, connection);
        }
        return result;
    }

    private URI uri(String tail) {
        return URI.create(connection.apiBase() + scopePath + tail);
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
