package dev.machinist.simulator.bitwarden;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One Secrets Manager organization as the server stores it: a random 64-byte organization key, and projects
 * and secrets whose names, keys, values and notes are kept only as EncStrings under that key.
 */
final class SimOrganization {
    record Project(String id, String encryptedName, Instant created, Instant revised) {}

    record Secret(
            String id,
            String encryptedKey,
            String encryptedValue,
            String encryptedNote,
            List<String> projectIds,
            Instant created,
            Instant revised) {}

    private final String id;
    private final byte[] key = SimCrypto.randomBytes(64);
    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final Map<String, Secret> secrets = new LinkedHashMap<>();

    SimOrganization(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    String keyBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    synchronized String addProject(String projectId, String name) {
        Instant now = now();
        projects.put(projectId, new Project(projectId, SimCrypto.encrypt(key, name), now, now));
        return projectId;
    }

    synchronized String addSecret(
            String secretId, String secretKey, String value, String note, List<String> projectIds) {
        for (String p : projectIds) {
            if (!projects.containsKey(p)) throw new IllegalArgumentException("no such project: " + p);
        }
        Instant now = now();
        secrets.put(
                secretId,
                new Secret(
                        secretId,
                        SimCrypto.encrypt(key, secretKey),
                        SimCrypto.encrypt(key, value),
                        SimCrypto.encrypt(key, note),
                        List.copyOf(projectIds),
                        now,
                        now));
        return secretId;
    }

    synchronized Optional<Project> project(String projectId) {
        return Optional.ofNullable(projects.get(projectId.toLowerCase(java.util.Locale.ROOT)));
    }

    synchronized List<Project> projects() {
        return new ArrayList<>(projects.values());
    }

    synchronized Optional<Secret> secret(String secretId) {
        return Optional.ofNullable(secrets.get(secretId.toLowerCase(java.util.Locale.ROOT)));
    }

    synchronized List<Secret> secrets() {
        return new ArrayList<>(secrets.values());
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Millisecond precision, as the real API's timestamps have. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
