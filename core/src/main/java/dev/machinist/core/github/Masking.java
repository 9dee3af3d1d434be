package dev.machinist.core.github;

import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.mask.WeakPatternPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what the runner is told to mask, and when. Credentials (the token, everything derived at login,
 * extra values the user lists) are masked at once, whatever their length. A loaded value is masked
 * unless the user named it as not secret ({@code unmasked}, e.g. a username) or the weak-pattern policy
 * rejects it (shorter than {@code mask-min-length}, one repeated character, a short number, a common word):
 * GitHub masks every occurrence of a registered string, so a value like "1" or "test" would turn the log
 * into asterisks and reveal itself by doing so (actions/runner#507). Both exceptions are warnings naming
 * the variable.
 *
 * <p>Providers pass fetched values through the same sink as credentials. During the fetch the sink
 * therefore holds what it receives until the values are named ({@link #settle}); nothing is printed in
 * between, and on failure everything held is masked first ({@link #flushHeld}).
 */
final class Masking {
    /** For credentials: no length limit (real tokens are never common words or one repeated character). */
    private static final WeakPatternPolicy CREDENTIALS = new WeakPatternPolicy(1);

    private final WorkflowOutput out;
    private final WeakPatternPolicy values;
    private final Set<String> unmaskedNames;
    private final Set<String> announced = new HashSet<>();
    private final List<Secret> held = new ArrayList<>();
    private boolean holding;

    Masking(WorkflowOutput out, int minLength, Set<String> unmaskedNames) {
        this.out = out;
        this.values = new WeakPatternPolicy(minLength);
        this.unmaskedNames = Set.copyOf(unmaskedNames);
    }

    /** A credential: masked at once. */
    void credential(Secret secret) {
        announce(secret, CREDENTIALS);
    }

    /** The sink given to providers: immediate, or held while values are being fetched. */
    SecretSink sink() {
        return secret -> {
            if (holding) held.add(secret);
            else credential(secret);
        };
    }

    /** From now on the sink receives fetched values, which wait for {@link #settle}. */
    void holdFetchedValues() {
        holding = true;
    }

    /**
     * Masks the loaded values by the policy, and everything the sink held that is not an exempted value
     * (a token refreshed during the fetch is still a credential).
     */
    void settle(Map<String, Secret> loaded) {
        Set<String> exempt = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        for (Secret s : loaded.values()) {
            Optional<String> weakness = values.weakness(s.reveal());
            if (unmaskedNames.contains(s.name())) {
                exempt.add(s.reveal());
                warnings.add("$" + s.name() + " is listed in 'unmasked': its value will appear in logs.");
            } else if (weakness.isPresent()) {
                exempt.add(s.reveal());
                warnings.add("$" + s.name() + " is not masked: its value " + weakness.get()
                        + ", and masking it would hide that text everywhere in the log (and so reveal it)."
                        + " Lower mask-min-length to mask it anyway.");
            }
        }
        for (Secret s : loaded.values()) if (!exempt.contains(s.reveal())) announce(s, values);
        for (Secret s : held) if (!exempt.contains(s.reveal())) announce(s, values);
        held.clear();
        holding = false;
        warnings.forEach(out::warning);
    }

    /** On failure: mask everything held, before any message is printed. */
    void flushHeld() {
        for (Secret s : held) announce(s, CREDENTIALS);
        held.clear();
        holding = false;
    }

    private void announce(Secret secret, WeakPatternPolicy policy) {
        if (!secret.reveal().isBlank() && announced.add(secret.reveal())) out.addMask(secret, policy);
    }
}
