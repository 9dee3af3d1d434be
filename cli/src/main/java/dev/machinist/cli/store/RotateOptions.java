package dev.machinist.cli.store;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Output;
import dev.machinist.core.provider.Session;
import dev.machinist.core.rotate.RotationResult;
import dev.machinist.core.rotate.TokenRotation;
import dev.machinist.core.store.SecretStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What `rotate` adds to a store command: which token is replaced and what the new one is called. */
public final class RotateOptions {
    @Option(
            names = "--old-token-id",
            paramLabel = "ID",
            description = "Vendor id of the token being replaced (needed when the bot has several).")
    String oldTokenId;

    @Option(
            names = "--new-token-name",
            paramLabel = "NAME",
            description = "Name of the token to create (default: machinist <time>).")
    String newTokenName;

    /**
     * Rotates: with a value source the given token is the new one (vendors that cannot create tokens by API);
     * without, a new token is created through the vendor's API.
     */
    int run(CliContext context, Session session, SecretStore store, String name, ValueOptions value, Output output) {
        TokenRotation rotation = new TokenRotation(store, context.credentialSink());
        Optional<String> oldId = Optional.ofNullable(oldTokenId);
        RotationResult result = value.given()
                ? rotation.replace(session, value.read(context, name), name, oldId)
                : rotation.rotate(session, name, tokenName(), oldId);
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("where", result.storedIn());
            m.put("stored", result.stored().verb());
            m.put("newTokenId", result.newTokenId().orElse(null));
            m.put("revokedTokenId", result.revokedTokenId().orElse(null));
            Output.printJson(context.out(), m);
        } else {
            context.out()
                    .println("Rotated " + name + ": "
                            + result.newTokenId()
                                    .map(id -> "created token " + id + ", ")
                                    .orElse("")
                            + "verified it, " + result.stored().verb() + " it in " + result.storedIn()
                            + result.revokedTokenId()
                                    .map(id -> ", revoked the old token " + id)
                                    .orElse(", the old token was not revoked (no id given)")
                            + ".");
        }
        return 0;
    }

    private String tokenName() {
        return newTokenName != null
                ? newTokenName
                : "machinist " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
