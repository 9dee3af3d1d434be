package dev.machinist.core.provider;

import dev.machinist.core.Secret;
import java.net.URI;

/**
 * A session whose vendor API takes a bearer access token (the Platform.sh family), exposed so that features
 * outside the provider (e.g. storing project and environment variables) can call that API with the
 * provider's current, auto-renewed token. The token has already been passed to the session's sink.
 */
public interface BearerApiAccess {
    /** The vendor API's base URL, e.g. https://api.upsun.com. */
    URI apiBase();

    /** A current access token, renewed by the provider when it has expired. */
    Secret accessToken();

    /** The variable the bot's long-lived token is read from, e.g. PLATFORMSH_CLI_TOKEN, for messages. */
    String tokenVariable();
}
