package dev.machinist.simulator.platform;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one simulated vendor remembers: its users and their API tokens. Thread-safe because the simulator
 * server answers on a thread pool. Route groups (OAuth, users, API tokens, certifier, and later project
 * variables) share this state.
 */
final class PlatformState {
    private static final char[] TOKEN_ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, ApiToken> apiTokens = new ConcurrentHashMap<>();

    record User(String id, String email, String username, String firstName, String lastName, Instant createdAt) {}

    /** An API token. {@code revokedAt} is set when it is deleted; a revoked token can no longer log in. */
    static final class ApiToken {
        final String id;
        final String userId;
        final String name;
        final String token;
        final Instant createdAt;
        volatile Instant lastUsedAt;
        volatile Instant revokedAt;

        ApiToken(String id, String userId, String name, String token, Instant createdAt) {
            this.id = id;
            this.userId = userId;
            this.name = name;
            this.token = token;
            this.createdAt = createdAt;
        }

        boolean active() {
            return revokedAt == null;
        }
    }

    User addUser(String email, String username, String firstName, String lastName) {
        User user = new User(UUID.randomUUID().toString(), email, username, firstName, lastName, Instant.now());
        users.put(user.id(), user);
        return user;
    }

    Optional<User> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    ApiToken createApiToken(String userId, String name) {
        ApiToken t = new ApiToken(UUID.randomUUID().toString(), userId, name, randomToken(43), Instant.now());
        apiTokens.put(t.id, t);
        return t;
    }

    /** The active API token with this plaintext, if any (the grant looks tokens up this way). */
    Optional<ApiToken> activeTokenByValue(String value) {
        return apiTokens.values().stream()
                .filter(t -> t.active() && t.token.equals(value))
                .findFirst();
    }

    List<ApiToken> activeTokens(String userId) {
        List<ApiToken> out = new ArrayList<>();
        for (ApiToken t : apiTokens.values()) {
            if (t.userId.equals(userId) && t.active()) out.add(t);
        }
        out.sort((a, b) -> a.createdAt.compareTo(b.createdAt));
        return out;
    }

    Optional<ApiToken> activeToken(String userId, String tokenId) {
        ApiToken t = apiTokens.get(tokenId);
        return t != null && t.userId.equals(userId) && t.active() ? Optional.of(t) : Optional.empty();
    }

    String randomToken(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = TOKEN_ALPHABET[random.nextInt(TOKEN_ALPHABET.length)];
        return new String(out);
    }
}
