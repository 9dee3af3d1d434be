package dev.machinist.core.provider;

import dev.machinist.core.Secret;
import java.util.List;

/**
 * A secret with its value. {@code key} is the vendor's name for it (the natural variable name);
 * {@code note} is descriptive text and is not treated as a secret.
 */
public record FetchedSecret(String id, String key, Secret value, String note, List<String> projectIds) {
    public FetchedSecret {
        projectIds = List.copyOf(projectIds);
        note = note == null ? "" : note;
    }
}
