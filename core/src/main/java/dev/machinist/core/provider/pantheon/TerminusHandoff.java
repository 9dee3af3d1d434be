package dev.machinist.core.provider.pantheon;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands a login over to the {@code terminus} CLI by writing the files it reads, and remembers what it wrote
 * so that ending the session removes exactly those files (Pantheon has no server-side logout).
 */
final class TerminusHandoff {
    private final TerminusFiles files;
    private volatile Path writtenSession;
    private volatile Path writtenToken;

    TerminusHandoff(TerminusFiles files) {
        this.files = files;
    }

    /** {"session","expires_at","user_id"}: the session object exactly as Terminus stores it. */
    Path writeSession(Secret session, Instant expiresAt, String userId) {
        Path file = files.sessionFile();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("session", session.reveal());
        content.put("expires_at", expiresAt.getEpochSecond());
        content.put("user_id", userId);
        TerminusSessionWriter.write(file, content);
        writtenSession = file;
        return file;
    }

    /** {"token","email","date"} in tokens/<email>, Terminus's saved-token format. */
    Path saveToken(Secret machineToken, String email, Instant now) {
        Path file;
        try {
            file = files.tokenFile(email);
        } catch (IllegalArgumentException e) {
            throw new MachinistException(
                    ErrorKind.MALFORMED_RESPONSE, "Pantheon's email for the bot is not usable as a file name.");
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("token", machineToken.reveal());
        content.put("email", email);
        content.put("date", now.getEpochSecond());
        TerminusSessionWriter.write(file, content);
        writtenToken = file;
        return file;
    }

    /** Removes the files written here if they still hold this login, leaving a newer login's files alone. */
    void removeWritten(Secret session, Secret machineToken) {
        Path s = writtenSession;
        if (s != null) TerminusSessionWriter.deleteIfHolds(s, "session", session.reveal());
        Path t = writtenToken;
        if (t != null) TerminusSessionWriter.deleteIfHolds(t, "token", machineToken.reveal());
        writtenSession = null;
        writtenToken = null;
    }
}
