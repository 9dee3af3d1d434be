package dev.machinist.core.provider;

/** Where to look for secrets: the whole organization the token belongs to, or one project. */
public record SecretScope(String projectId) {
    public static SecretScope organization() {
        return new SecretScope(null);
    }

    public static SecretScope project(String projectId) {
        return new SecretScope(projectId);
    }

    public boolean isOrganization() {
        return projectId == null;
    }
}
