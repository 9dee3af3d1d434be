package dev.machinist.core.binding;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.provider.Provider;
import dev.machinist.core.provider.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assembles a {@link BindingResult}: secret variables (fetched values, the bot token, derived credentials) and
 * public ones (vendor, identity, expiry, vendor URLs), refusing a fetched secret that would shadow one of the
 * binding's own variables.
 */
final class BindingVariables {
    static final String RESERVED_PREFIX = "MACHINIST_";
    static final String ACCESS_TOKEN = "MACHINIST_ACCESS_TOKEN";
    static final String MASKED_PREFIX = "MACHINIST_MASKED_";
    static final String VENDOR = "MACHINIST_VENDOR";
    static final String IDENTITY = "MACHINIST_IDENTITY";
    static final String IDENTITY_ID = "MACHINIST_IDENTITY_ID";
    static final String EXPIRES_AT = "MACHINIST_EXPIRES_AT";
    static final String TOKEN_EXPIRES_AT = "MACHINIST_TOKEN_EXPIRES_AT";

    /** Jenkins drops mask patterns shorter than this (SecretPatterns.MINIMUM_ENCODED_LENGTH). */
    static final int SHORTEST_MASKABLE = 3;

    /**
     * Lines of a multi-line value shorter than this are not masked on their own: "{", "}" or a blank line would
     * mask common text everywhere (actions/runner#326), which also hints at the value.
     */
    static final int SHORTEST_MASKED_LINE = 8;

    private final Provider provider;
    private final Map<String, String> secret = new LinkedHashMap<>();
    private final Map<String, String> fetched = new LinkedHashMap<>();
    private final Map<String, String> open = new LinkedHashMap<>();
    private int masked;

    BindingVariables(Provider provider) {
        this.provider = provider;
    }

    void token(Secret token) {
        if (!token.isEmpty()) secret.put(VendorVariables.tokenVariable(provider), token.reveal());
    }

    void fetched(Map<String, Secret> secrets) {
        secrets.forEach((name, value) -> fetched.put(name, value.reveal()));
    }

    /**
     * Every secret the sink saw that is not yet a variable's value. The first one that is not a piece of the bot
     * token is the credential the vendor's API takes as a bearer token (Pantheon session, OAuth access token,
     * Bitwarden JWT); the rest, pieces of the token included (Bitwarden's client secret and key), are exported
     * only so that the host masks them too: printed alone, a piece would not match the whole token's mask.
     */
    void derived(List<Secret> seen, Secret token) {
        Set<String> known = new HashSet<>(secret.values());
        known.addAll(fetched.values());
        boolean accessTokenFound = false;
        for (Secret s : seen) {
            if (!known.add(s.reveal())) continue;
            boolean pieceOfToken = !token.isEmpty() && token.reveal().contains(s.reveal());
            if (!accessTokenFound && !pieceOfToken) {
                secret.put(ACCESS_TOKEN, s.reveal());
                accessTokenFound = true;
            } else {
                secret.put(MASKED_PREFIX + (++masked), s.reveal());
            }
        }
    }

    void session(Session session) {
        open.put(VENDOR, provider.id());
        open.put(IDENTITY, session.identity().name());
        open.put(IDENTITY_ID, session.identity().id());
        session.expiresAt().map(Instant::toString).ifPresent(t -> open.put(EXPIRES_AT, t));
        session.tokenExpiresAt().map(Instant::toString).ifPresent(t -> open.put(TOKEN_EXPIRES_AT, t));
    }

    void vendorSettings(Map<String, String> variables) {
        variables.forEach((name, value) -> {
            if (VendorVariables.carriesCredentials(value)) secret.put(name, value);
            else open.put(name, value);
        });
    }

    BindingResult result() {
        for (String name : fetched.keySet()) {
            if (secret.containsKey(name) || open.containsKey(name) || name.startsWith(RESERVED_PREFIX)) {
                throw new MachinistException(
                        ErrorKind.USAGE,
                        "The secret $" + name + " would replace the binding's own variable of that name (MACHINIST_*"
                                + " and the vendor's variables are reserved); pick it under another name as"
                                + " 'ID > OTHER_NAME'.");
            }
        }
        Map<String, String> all = new LinkedHashMap<>(fetched);
        all.putAll(secret);
        List<String> warnings = warnings(all);
        maskLinesOfMultiLineValues(all);
        return new BindingResult(all, open, warnings);
    }

    /**
     * Jenkins (and GitHub) mask line by line, so a multi-line value printed whole matches no pattern. Each of its
     * lines long enough to be safe to mask becomes a value of its own, so that every such line is masked.
     */
    private void maskLinesOfMultiLineValues(Map<String, String> all) {
        Set<String> known = new HashSet<>(all.values());
        for (String value : List.copyOf(all.values())) {
            if (!value.contains("\n")) continue;
            for (String line : value.split("\\R")) {
                String piece = line.strip();
                if (piece.length() >= SHORTEST_MASKED_LINE && known.add(piece)) {
                    all.put(MASKED_PREFIX + (++masked), piece);
                }
            }
        }
    }

    private static List<String> warnings(Map<String, String> secretVariables) {
        List<String> out = new ArrayList<>();
        secretVariables.forEach((name, value) -> {
            if (value.isEmpty()) {
                out.add("$" + name + " is empty.");
            } else if (value.length() < SHORTEST_MASKABLE) {
                out.add("$" + name + " is shorter than " + SHORTEST_MASKABLE
                        + " characters, too short to be masked in the log; avoid printing it.");
            } else if (value.contains("\n")) {
                out.add("$" + name + " spans several lines; log masking works line by line, so each of its lines of"
                        + " at least " + SHORTEST_MASKED_LINE + " characters is masked on its own and shorter ones are"
                        + " not: avoid printing it (write it to a file instead).");
            }
        });
        return out;
    }
}
