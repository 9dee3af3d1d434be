package dev.machinist.core.github;

import dev.machinist.core.Secret;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides what the runner is told to mask. Credentials (the token, everything derived from it, extra
 * values the user lists) are always masked. A loaded value is masked unless the user named it as not
 * secret ({@code unmasked}, e.g. a username) or it is shorter than {@code mask-min-length}: GitHub masks
 * every occurrence of a registered string, so a secret like "1" or "test" would turn the whole log into
 * asterisks and reveal itself by doing so (actions/runner#507). Both exceptions are announced as warnings.
 *
 * <p>Besides the whole value, each line is announced separately: the runner masks line by line, and a
 * multi-line value printed in pieces must still disappear. Each string is announced once.
 */
final class Masking {
    private final WorkflowOutput out;
    private final int minLength;
    private final Set<String> unmaskedNames;
    private final Set<String> announced = new HashSet<>();

    Masking(WorkflowOutput out, int minLength, Set<String> unmaskedNames) {
        this.out = out;
        this.minLength = minLength;
        this.unmaskedNames = Set.copyOf(unmaskedNames);
    }

    /** A credential: masked whatever its length. */
    void credential(Secret secret) {
        announce(secret.reveal());
    }

    /** A loaded secret value, named by its variable. */
    void value(Secret secret) {
        if (unmaskedNames.contains(secret.name())) {
            out.warning("$" + secret.name() + " is listed in 'unmasked': its value will appear in logs.");
            return;
        }
        if (secret.reveal().strip().length() < minLength) {
            out.warning("$" + secret.name() + " is shorter than mask-min-length (" + minLength
                    + " characters) and is not masked.");
            return;
        }
        announce(secret.reveal());
    }

    private void announce(String value) {
        if (value.isBlank()) return;
        if (announced.add(value)) out.addMask(value);
        for (String line : value.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && announced.add(trimmed)) out.addMask(trimmed);
        }
    }
}
