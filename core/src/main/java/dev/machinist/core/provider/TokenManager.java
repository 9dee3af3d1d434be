package dev.machinist.core.provider;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A session that can manage the bot's own long-lived tokens. */
public interface TokenManager {
    List<TokenInfo> listTokens();

    /** Whether {@link #createToken} works for this vendor (Platform.sh family yes; Pantheon no). */
    boolean canCreateTokens();

    /**
     * Creates a token. The returned secret is also passed to the session's sink before this returns.
     *
     * @throws MachinistException of kind USAGE when the vendor has no API for it, saying where to do it
     */
    CreatedToken createToken(String name);

    void revokeToken(String tokenId);

    record TokenInfo(String id, String name, Optional<Instant> createdAt, Optional<Instant> lastUsedAt) {}

    record CreatedToken(TokenInfo info, Secret token) {}
}
