package dev.machinist.core.provider.pantheon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpResult;
import dev.machinist.core.provider.Identity;
import dev.machinist.core.provider.Provider;
import dev.machinist.core.provider.Session;
import dev.machinist.core.provider.TokenManager;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Pantheon session: who the bot is, its machine tokens, and the Terminus files that let {@code terminus}
 * reuse this login. The session string never leaves this object except in the Authorization header and in
 * the 0600 files Terminus reads.
 */
public final class PantheonSession implements Session, TokenManager, dev.machinist.core.provider.VendorCliLogin {
    private final PantheonProvider provider;
    private final PantheonApi api;
    private final TerminusHandoff terminus;
    private final PantheonLogin.Login login;
    private final Clock clock;
    private volatile Identity identity;

    PantheonSession(
            PantheonProvider provider, PantheonApi api, TerminusFiles files, PantheonLogin.Login login, Clock clock) {
        this.provider = provider;
        this.api = api;
        this.terminus = new TerminusHandoff(files);
        this.login = login;
        this.clock = clock;
    }

    @Override
    public Provider provider() {
        return provider;
    }

    /** The Pantheon user id the session belongs to (not a secret). */
    public String userId() {
        return login.userId();
    }

    /** GET /api/users/{id}, read once: id, full name as the name, and the attributes "email" and "fullName". */
    @Override
    public Identity identity() {
        Identity known = identity;
        if (known != null) return known;
        JsonNode user = call(api.get("users/" + userId(), requireLive(), "Pantheon user lookup"));
        identity = PantheonReplies.identity(user, userId());
        return identity;
    }

    @Override
    public Optional<Instant> expiresAt() {
        return Optional.of(login.expiresAt());
    }

    /** GET /api/users/{id}/machine_tokens: the ids and device names (the token values are never listed). */
    @Override
    public List<TokenInfo> listTokens() {
        JsonNode body =
                call(api.get("users/" + userId() + "/machine_tokens", requireLive(), "Pantheon machine-token list"));
        return PantheonReplies.machineTokens(body);
    }

    @Override
    public boolean canCreateTokens() {
        return false;
    }

    @Override
    public CreatedToken createToken(String name) {
        throw MachinistException.usage("Pantheon has no API for creating machine tokens: create one in the"
                + " dashboard (" + PantheonAnswers.TOKENS_PAGE + "/create), then store it as a CI secret.");
    }

    /** DELETE /api/users/{id}/machine_tokens/{tokenId}; Pantheon answers 200 "OK.". */
    @Override
    public void revokeToken(String tokenId) {
        if (!PantheonApi.isSafeSegment(tokenId)) {
            throw MachinistException.usage("'" + tokenId + "' is not a Pantheon machine-token id (ids look like"
                    + " dcr_q4tFMiYiK9DfJO15; see `machinist token list --vendor pantheon`).");
        }
        HttpResult result =
                api.delete("users/" + userId() + "/machine_tokens/" + tokenId, requireLive(), "Pantheon token revoke");
        if (result.status() == 404) {
            throw new MachinistException(
                    ErrorKind.NOT_FOUND,
                    "Pantheon has no machine token with id " + tokenId + " for this user (already revoked?).");
        }
        if (!result.isSuccess()) throw PantheonAnswers.sessionCallFailed(result);
    }

    /**
     * Writes {"session","expires_at","user_id"} where Terminus reads its session (TERMINUS_CACHE_DIR/session,
     * default ~/.terminus/cache/session), mode 0600, atomically, so later {@code terminus} commands are logged in.
     */
    public Path writeTerminusSession() {
        return terminus.writeSession(login.session(), login.expiresAt(), userId());
    }

    /**
     * Also saves the machine token as Terminus's saved token for the bot's email (tokens/<email>, 0600), so
     * that {@code terminus auth:login --email} works after the session expires. Reads the identity.
     */
    public Path saveTerminusToken() {
        String email = identity().attributes().get("email");
        if (email == null) {
            throw new MachinistException(
                    ErrorKind.MALFORMED_RESPONSE, "Pantheon did not say the bot's email; cannot save the token.");
        }
        return terminus.saveToken(login.machineToken(), email, clock.instant());
    }

    /**
     * Pantheon has no logout call (Terminus's auth:logout only deletes files), so this removes the Terminus
     * files this session wrote, if they still hold this login.
     */
    @Override
    public void logout() {
        terminus.removeWritten(login.session(), login.machineToken());
    }

    /** The session, unless its expiry (Pantheon's expires_at) has passed: then no request is worth sending. */
    private Secret requireLive() {
        if (!clock.instant().isBefore(login.expiresAt())) {
            throw new MachinistException(
                    ErrorKind.BAD_TOKEN,
                    "The Pantheon session expired at " + login.expiresAt() + ". Log in again ("
                            + PantheonAnswers.LOGIN_AGAIN + ").");
        }
        return login.session();
    }

    private static JsonNode call(HttpResult result) {
        if (!result.isSuccess()) throw PantheonAnswers.sessionCallFailed(result);
        return result.json();
    }

    @Override
    public String vendorCli() {
        return "terminus";
    }

    /** The session file terminus reads; the machine token itself is not written anywhere. */
    @Override
    public List<Path> handOffToVendorCli() {
        return List.of(writeTerminusSession());
    }

    @Override
    public String toString() {
        return "PantheonSession[user=" + userId() + ", expiresAt=" + login.expiresAt() + "]";
    }
}
