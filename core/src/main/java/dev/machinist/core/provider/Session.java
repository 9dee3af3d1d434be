package dev.machinist.core.provider;

import java.time.Instant;
import java.util.Optional;

/**
 * A logged-in bot. Vendor capabilities beyond identity are separate interfaces ({@link SecretSource},
 * {@link ProjectSource}, {@link TokenManager}, {@link SshCertificateIssuer}); callers test with
 * {@code instanceof} and say plainly when a vendor has no such thing.
 */
public interface Session {
    Provider provider();

    /** Who the token belongs to, read from the vendor (not from the token). */
    Identity identity();

    /** When this login (session, access token) stops working, if the vendor says. */
    Optional<Instant> expiresAt();

    /** When the long-lived token itself expires, if the vendor says (Bitwarden access tokens may). */
    default Optional<Instant> tokenExpiresAt() {
        return Optional.empty();
    }

    /** Ends the session at the vendor where the vendor has such a call; otherwise does nothing. */
    default void logout() {}
}
