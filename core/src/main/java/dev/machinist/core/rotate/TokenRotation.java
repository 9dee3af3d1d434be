package dev.machinist.core.rotate;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.provider.Session;
import dev.machinist.core.provider.TokenManager;
import dev.machinist.core.provider.TokenManager.CreatedToken;
import dev.machinist.core.provider.TokenManager.TokenInfo;
import dev.machinist.core.store.SecretStore;
import dev.machinist.core.store.StoreResult;
import java.util.List;
import java.util.Optional;

/**
 * Replaces a bot's token without ever losing access. The order makes every failure safe: the new token is
 * created, then proven (it logs in as the same user), then stored, and only then is the old one revoked. A
 * failure before the store leaves the secret and the old token untouched and revokes the new token again;
 * a failure to revoke the old token leaves both working and says which to revoke by hand.
 */
public final class TokenRotation {
    private final SecretStore store;
    private final SecretSink sink;

    /** @param sink receives the new token the instant it exists (the session's own sink gets it too) */
    public TokenRotation(SecretStore store, SecretSink sink) {
        this.store = store;
        this.sink = sink;
    }

    /**
     * Creates a new token through the vendor's API (Platform.sh family) and rotates to it.
     *
     * @param current a session logged in with the token being replaced
     * @param oldTokenId the vendor's id of the token {@code current} logged in with; may be empty when the bot has exactly
     *     one token, which then must be the current one
     */
    public RotationResult rotate(Session current, String secretName, String newTokenName, Optional<String> oldTokenId) {
        TokenManager tokens = tokenManager(current);
        if (!tokens.canCreateTokens()) {
            throw MachinistException.usage(
                    current.provider().displayName() + " cannot create tokens through its API. Create"
                            + " one by hand, then rotate to it with the given-token form (new token from stdin, a file or"
                            + " an environment variable).");
        }
        String oldId = oldTokenId.orElseGet(() -> onlyTokenId(tokens.listTokens()));
        CreatedToken created;
        try {
            created = tokens.createToken(newTokenName);
            sink.accept(created.token());
        } catch (MachinistException e) {
            throw step(e, "creating the new token", "Nothing changed; the old token still works.");
        }
        String newId = created.info().id();
        verify(current, created.token(), () -> undo(tokens, newId));
        StoreResult stored = storeOrUndo(secretName, created.token(), () -> undo(tokens, newId));
        revokeOld(tokens, oldId, Optional.of(newId));
        return new RotationResult(Optional.of(newId), stored, store.describe(), Optional.of(oldId));
    }

    /**
     * Rotates to a token made by hand (Pantheon, Bitwarden, or any vendor): proves it, stores it, and revokes
     * the old one when the vendor has a token API and {@code oldTokenId} is given.
     */
    public RotationResult replace(Session current, Secret newToken, String secretName, Optional<String> oldTokenId) {
        sink.accept(newToken);
        // Decide before changing anything whether the old token can be revoked here.
        Optional<TokenManager> tokens = oldTokenId.map(id -> tokenManager(current));
        verify(current, newToken, () -> "");
        StoreResult stored = storeOrUndo(secretName, newToken, () -> "");
        if (oldTokenId.isEmpty()) {
            return new RotationResult(Optional.empty(), stored, store.describe(), Optional.empty());
        }
        revokeOld(tokens.orElseThrow(), oldTokenId.get(), Optional.empty());
        return new RotationResult(Optional.empty(), stored, store.describe(), oldTokenId);
    }

    private void verify(Session current, Secret newToken, UndoAction undo) {
        Session fresh;
        try {
            fresh = current.provider().login(newToken, sink);
        } catch (MachinistException e) {
            throw step(
                    e,
                    "logging in with the new token",
                    "The secret was not changed; the old token still works." + undo.run());
        }
        String expected = current.identity().id();
        String actual = fresh.identity().id();
        if (!expected.equals(actual)) {
            throw new MachinistException(
                    ErrorKind.REFUSED,
                    "Rotation stopped: the new token belongs to "
                            + fresh.identity().name() + " (" + actual
                            + "), not to " + current.identity().name() + " (" + expected
                            + "). The secret was not changed; the old token still works." + undo.run());
        }
    }

    private StoreResult storeOrUndo(String secretName, Secret newToken, UndoAction undo) {
        try {
            return store.store(secretName, newToken.renamed(secretName));
        } catch (MachinistException e) {
            throw step(
                    e,
                    "storing the new token in " + store.describe(),
                    "The old token still works; check" + " whether " + secretName + " changed before running again."
                            + undo.run());
        }
    }

    private void revokeOld(TokenManager tokens, String oldId, Optional<String> newId) {
        try {
            tokens.revokeToken(oldId);
        } catch (MachinistException e) {
            throw step(
                    e,
                    "revoking the old token " + oldId,
                    "The new token" + newId.map(id -> " " + id).orElse("")
                            + " is stored in " + store.describe() + " and works; the old token " + oldId
                            + " still works too: revoke it by hand (machinist token revoke " + oldId + ").");
        }
    }

    /** Revokes the token created in this run; says what happened, for the failure message. */
    private String undo(TokenManager tokens, String newId) {
        try {
            tokens.revokeToken(newId);
            return " The new token " + newId + " was revoked again.";
        } catch (MachinistException e) {
            return " Revoking the new token " + newId + " failed too (" + e.getMessage() + "): revoke it by hand"
                    + " (machinist token revoke " + newId + ").";
        }
    }

    private TokenManager tokenManager(Session session) {
        if (session instanceof TokenManager t) return t;
        throw MachinistException.usage(
                session.provider().displayName() + " has no token API: Machinist cannot revoke the old"
                        + " token; store the new one and revoke the old one in the vendor's console.");
    }

    private String onlyTokenId(List<TokenInfo> tokens) {
        if (tokens.size() == 1) return tokens.get(0).id();
        StringBuilder ids = new StringBuilder();
        tokens.forEach(t -> ids.append(ids.length() == 0 ? "" : ", ")
                .append(t.id())
                .append(" (")
                .append(t.name())
                .append(')'));
        throw MachinistException.usage("The bot has " + tokens.size() + " tokens (" + ids + "); say which one is"
                + " being replaced with its id. Nothing changed.");
    }

    private static MachinistException step(MachinistException cause, String step, String state) {
        return new MachinistException(
                cause.kind(), "Rotation stopped while " + step + ": " + cause.getMessage() + " " + state, cause);
    }

    @FunctionalInterface
    private interface UndoAction {
        String run();
    }
}
