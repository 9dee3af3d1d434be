package dev.machinist.core.provider;

import java.util.List;

/** A session that can hand out secrets (Bitwarden Secrets Manager, the local provider). */
public interface SecretSource {
    /** The secrets visible in a scope, without their values. */
    List<SecretSummary> listSecrets(SecretScope scope);

    /** Secrets with their values, in the order asked for. Unknown ids are an error naming them. */
    List<FetchedSecret> getSecrets(List<String> ids);

    /** Every secret in the scope, with values (list, then fetch in bulk). */
    default List<FetchedSecret> getSecrets(SecretScope scope) {
        return getSecrets(listSecrets(scope).stream().map(SecretSummary::id).toList());
    }
}
