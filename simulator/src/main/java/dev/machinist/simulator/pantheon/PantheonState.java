package dev.machinist.simulator.pantheon;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pantheon's server-side state: users, their machine tokens and the sessions exchanged for them. All
 * methods are synchronized because the loopback server answers on several threads.
 */
final class PantheonState {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, PantheonSimulator.MachineToken> tokensById = new LinkedHashMap<>();
    private final Map<String, SessionRecord> sessions = new LinkedHashMap<>();
    private Duration sessionLifetime = Duration.ofDays(1);

    PantheonState(Clock clock) {
        this.clock = clock;
    }

    record User(String id, String email, String firstName, String lastName) {
        String fullName() {
            return firstName + " " + lastName;
        }
    }

    record SessionRecord(String userId, String tokenId, Instant expiresAt) {}

    synchronized User addUser(String email, String firstName, String lastName) {
        User user = new User(UUID.randomUUID().toString(), email, firstName, lastName);
        users.put(user.id(), user);
        return user;
    }

    synchronized Optional<User> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    synchronized PantheonSimulator.MachineToken addToken(String userId, String deviceName) {
        // Real ids look like "dcr_q4tFMiYiK9DfJO15"; real tokens are long URL-safe random strings.
        String id = "dcr_" + randomText(12).replace("-", "x").replace("_", "y").substring(0, 16);
        PantheonSimulator.MachineToken token =
                new PantheonSimulator.MachineToken(id, userId, deviceName, randomText(32));
        tokensById.put(id, token);
        return token;
    }

    synchronized Optional<PantheonSimulator.MachineToken> tokenByValue(String value) {
        return tokensById.values().stream().filter(t -> t.token().equals(value)).findFirst();
    }

    synchronized List<PantheonSimulator.MachineToken> tokensOf(String userId) {
        return tokensById.values().stream()
                .filter(t -> t.userId().equals(userId))
                .toList();
    }

    synchronized boolean revoke(String userId, String tokenId) {
        PantheonSimulator.MachineToken token = tokensById.get(tokenId);
        if (token == null || !token.userId().equals(userId)) return false;
        tokensById.remove(tokenId);
        return true;
    }

    /** Opens a session; its string has Pantheon's shape {@code <uuid>:<uuid>:<random>}. */
    synchronized Map.Entry<String, SessionRecord> openSession(PantheonSimulator.MachineToken token) {
        String value = token.userId() + ":" + UUID.randomUUID() + ":" + randomText(18);
        SessionRecord record =
                new SessionRecord(token.userId(), token.id(), clock.instant().plus(sessionLifetime));
        sessions.put(value, record);
        return Map.entry(value, record);
    }

    /** The live session for this string, or empty when unknown or past its expiry. */
    synchronized Optional<SessionRecord> liveSession(String value) {
        SessionRecord record = sessions.get(value);
        if (record == null || !record.expiresAt().isAfter(clock.instant())) return Optional.empty();
        return Optional.of(record);
    }

    synchronized void setSessionLifetime(Duration lifetime) {
        sessionLifetime = lifetime;
    }

    /** Ends every session on the server side, as a server-side expiry would, without telling clients. */
    synchronized void expireAllSessions() {
        Instant past = clock.instant().minusSeconds(1);
        sessions.replaceAll((k, v) -> new SessionRecord(v.userId(), v.tokenId(), past));
    }

    synchronized List<String> sessionValues() {
        return new ArrayList<>(sessions.keySet());
    }

    private static String randomText(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
