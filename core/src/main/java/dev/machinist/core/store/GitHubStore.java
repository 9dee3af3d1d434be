package dev.machinist.core.store;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * GitHub Actions secrets of a repository, an environment of a repository, or an organization. Values are
 * sealed (libsodium crypto_box_seal) with the scope's public key before they leave the process; repository
 * secrets go through GitHub API for Java, environment and organization secrets (which the library does not
 * cover) through the core's HTTP layer.
 */
public final class GitHubStore implements SecretStore {
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern ORGANIZATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");
    // GitHub: "Secrets can store values of up to 48 KB."
    private static final int MAX_VALUE_BYTES = 48 * 1024;
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String description;
    private final Writer writer;

    private GitHubStore(String description, Writer writer) {
        this.description = description;
        this.writer = writer;
    }

    /** Repository secrets of {@code ownerSlashName} ("octo/app"). */
    public static GitHubStore repository(GitHubConnection connection, String ownerSlashName) {
        String repo = requireRepository(ownerSlashName);
        return new GitHubStore(
                "GitHub repository secrets of " + repo, new GitHubRepositorySecrets(connection, repo)::store);
    }

    /** Secrets of the deployment environment {@code environment} of a repository. */
    public static GitHubStore environment(GitHubConnection connection, String ownerSlashName, String environment) {
        String repo = requireRepository(ownerSlashName);
        if (environment == null || environment.isBlank()) {
            throw MachinistException.usage("The GitHub environment name is empty.");
        }
        return new GitHubStore(
                "GitHub secrets of environment " + environment + " in " + repo,
                GitHubRestSecrets.environment(connection, repo, environment)::store);
    }

    /**
     * Organization secrets. {@code selectedRepositoryIds} is required with {@link OrgVisibility#SELECTED} and
     * refused otherwise, as GitHub ignores it silently there.
     */
    public static GitHubStore organization(
            GitHubConnection connection, String org, OrgVisibility visibility, List<Long> selectedRepositoryIds) {
        if (org == null || !ORGANIZATION.matcher(org).matches()) {
            throw MachinistException.usage("'" + org + "' is not a GitHub organization name.");
        }
        Objects.requireNonNull(visibility, "visibility");
        List<Long> ids = List.copyOf(selectedRepositoryIds);
        if (visibility == OrgVisibility.SELECTED && ids.isEmpty()) {
            throw MachinistException.usage(
                    "Visibility 'selected' needs the ids of the repositories that may use the secret.");
        }
        if (visibility != OrgVisibility.SELECTED && !ids.isEmpty()) {
            throw MachinistException.usage(
                    "Repository ids are only used with visibility 'selected' (not '" + visibility.apiValue() + "').");
        }
        return new GitHubStore(
                "GitHub organization secrets of " + org + " (visibility " + visibility.apiValue() + ")",
                GitHubRestSecrets.organization(connection, org, visibility, ids)::store);
    }

    @Override
    public StoreResult store(String name, Secret value) {
        requireSecretName(name);
        if (value.isEmpty()) {
            throw MachinistException.usage("The value for GitHub secret " + name + " is empty; refusing to store it.");
        }
        if (value.revealUtf8().length > MAX_VALUE_BYTES) {
            throw new MachinistException(
                    ErrorKind.REFUSED,
                    "The value for GitHub secret " + name + " is larger than 48 KB, GitHub's limit for secrets;"
                            + " store it encrypted in the repository and keep only its key as a secret.");
        }
        return writer.store(name, value);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return "GitHubStore[" + description + "]";
    }

    static void requireSecretName(String name) {
        if (name == null || !SECRET_NAME.matcher(name).matches()) {
            throw MachinistException.usage("'" + name + "' is not a valid GitHub secret name: use letters, digits and"
                    + " underscores, not starting with a digit.");
        }
        if (name.toUpperCase(Locale.ROOT).startsWith("GITHUB_")) {
            throw MachinistException.usage(
                    "GitHub secret names must not start with GITHUB_ ('" + name + "'); choose another name.");
        }
    }

    private static String requireRepository(String ownerSlashName) {
        if (ownerSlashName == null || !REPOSITORY.matcher(ownerSlashName.trim()).matches()) {
            throw MachinistException.usage("'" + ownerSlashName + "' is not a repository: use OWNER/NAME.");
        }
        return ownerSlashName.trim();
    }

    @FunctionalInterface
    interface Writer {
        StoreResult store(String name, Secret value);
    }
}
