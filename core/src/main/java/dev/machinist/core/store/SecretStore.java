package dev.machinist.core.store;

import dev.machinist.core.Secret;

/**
 * A place a CI system or vendor keeps secrets for later jobs: a GitHub repository, environment or
 * organization, a GitLab project, a Platform.sh-family project or environment. Implementations create the
 * secret or replace its value, and say which; every failure is a {@link dev.machinist.core.MachinistException}
 * whose message names the store and the secret, never the value.
 */
public interface SecretStore {
    /**
     * Creates or updates {@code name} with {@code value}.
     *
     * @throws dev.machinist.core.MachinistException USAGE for a bad name, BAD_TOKEN / FORBIDDEN / NOT_FOUND as
     *     the vendor answers, REFUSED for a value the store cannot take safely
     */
    StoreResult store(String name, Secret value);

    /** What this store is, for messages: e.g. "GitHub repository secrets of octo/app". */
    String describe();
}
