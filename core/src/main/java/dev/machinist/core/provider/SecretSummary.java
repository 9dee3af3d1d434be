package dev.machinist.core.provider;

import java.util.List;

/** A secret's id and key (its name), without the value. */
public record SecretSummary(String id, String key, List<String> projectIds) {
    public SecretSummary {
        projectIds = List.copyOf(projectIds);
    }
}
