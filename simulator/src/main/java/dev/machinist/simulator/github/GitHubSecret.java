package dev.machinist.simulator.github;

import java.util.List;

/**
 * A secret as the simulator stored it, opened: what GitHub would hand to a workflow. {@code visibility} and
 * {@code selectedRepositoryIds} are set for organization secrets only.
 */
public record GitHubSecret(String value, String visibility, List<Long> selectedRepositoryIds, int writes) {
    public GitHubSecret {
        selectedRepositoryIds = List.copyOf(selectedRepositoryIds);
    }

    @Override
    public String toString() {
        return "GitHubSecret[visibility=" + visibility + ", writes=" + writes + "]";
    }
}
