package dev.machinist.core.store;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.crypto.SealedBox;
import java.io.IOException;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHRepositoryPublicKey;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;

/**
 * Repository secrets through GitHub API for Java ({@code GHRepository#getPublicKey}, {@code #createSecret}; built with GitHubBuilder#withEndpoint and a bearer authorization provider),
 * running over the core's HTTP layer. The library's rate-limit handlers are set to fail rather than wait: a
 * CI job must not sleep for an hour on GitHub's say-so, and the HTTP layer already honours Retry-After.
 */
final class GitHubRepositorySecrets {
    private final GitHubConnection connection;
    private final String repository;

    GitHubRepositorySecrets(GitHubConnection connection, String repository) {
        this.connection = connection;
        this.repository = repository;
    }

    StoreResult store(String name, Secret value) {
        TransportConnector connector = new TransportConnector(connection.http());
        String where = "repository " + repository;
        try {
            GitHub github = new GitHubBuilder()
                    .withEndpoint(connection.apiBase().toString())
                    // A plain provider rather than withOAuthToken: the library then does not GET /user to learn
                    // a login it never needs here (one round trip less; App installation tokens get 403 there).
                    .withAuthorizationProvider(
                            () -> "Bearer " + connection.token().reveal())
                    .withConnector(connector)
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                    .build();
            GHRepository repo = github.getRepository(repository);
            GHRepositoryPublicKey key = repo.getPublicKey();
            if (key.getKey() == null || key.getKeyId() == null) {
                throw new MachinistException(
                        ErrorKind.MALFORMED_RESPONSE, "GitHub sent no public key for " + where + ".");
            }
            repo.createSecret(name, SealedBox.sealBase64(key.getKey(), value), key.getKeyId());
            return connector.lastStatus() == 201 ? StoreResult.CREATED : StoreResult.UPDATED;
        } catch (GHFileNotFoundException e) {
            throw GitHubFailures.forStatus(404, null, where, notFoundHint(), connection);
        } catch (HttpException e) {
            throw GitHubFailures.forStatus(
                    e.getResponseCode(),
                    GitHubFailures.vendorMessage(e.getMessage()),
                    where,
                    notFoundHint(),
                    connection);
        } catch (IOException e) {
            // The HTTP layer reports network failures itself; this is the library failing to read an answer.
            throw new MachinistException(
                    ErrorKind.MALFORMED_RESPONSE,
                    "Storing a secret in " + where + " failed: " + e.getClass().getSimpleName() + ".");
        }
    }

    private static String notFoundHint() {
        return "fine-grained tokens need Secrets: write on it; classic tokens need the repo scope";
    }
}
