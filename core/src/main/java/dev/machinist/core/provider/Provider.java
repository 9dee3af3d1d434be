package dev.machinist.core.provider;

import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import java.util.List;

/**
 * A vendor Machinist can log in to. One instance is configured for one endpoint (vendor profile, URLs);
 * {@link #login} exchanges the bot's long-lived token for whatever the vendor uses per job.
 */
public interface Provider {
    /** Stable id used on the command line and in adapters: pantheon, platformsh, upsun, webpaas, bitwarden, env. */
    String id();

    /** Human name for messages, e.g. "Pantheon" or "Upsun". */
    String displayName();

    /** Environment variables the bot's token is read from, most conventional first. */
    List<String> tokenVariables();

    /**
     * Logs in. Every credential derived here is passed to {@code sink} before this method returns or
     * anything else happens with it, so callers can mask it from the first instant.
     *
     * @throws dev.machinist.core.MachinistException with a kind a user can act on
     */
    Session login(Secret token, SecretSink sink);
}
