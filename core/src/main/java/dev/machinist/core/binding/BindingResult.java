package dev.machinist.core.binding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What a binding gives its host: variables whose values the host must mask ({@link #secretVariables()}, which
 * hold every fetched value and every credential derived at login, the bot token included), variables that are
 * safe to show ({@link #publicVariables()}: identity, expiry, vendor URLs), and warnings worth printing. The two
 * maps never share a name. {@link #toString()} shows names only.
 */
public final class BindingResult {
    private final Map<String, String> secretVariables;
    private final Map<String, String> publicVariables;
    private final List<String> warnings;

    BindingResult(Map<String, String> secretVariables, Map<String, String> publicVariables, List<String> warnings) {
        this.secretVariables = Collections.unmodifiableMap(new LinkedHashMap<>(secretVariables));
        Map<String, String> pub = new LinkedHashMap<>(publicVariables);
        pub.keySet().removeAll(secretVariables.keySet());
        this.publicVariables = Collections.unmodifiableMap(pub);
        this.warnings = List.copyOf(warnings);
    }

    /** Variable name → value that must be masked wherever it could be printed. */
    public Map<String, String> secretVariables() {
        return secretVariables;
    }

    /** Variable name → value that is not secret (never a credential). */
    public Map<String, String> publicVariables() {
        return publicVariables;
    }

    /** Every distinct non-empty value the host must mask, in the order the variables are listed. */
    public List<String> secretValues() {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String v : secretVariables.values()) if (!v.isEmpty()) values.add(v);
        return new ArrayList<>(values);
    }

    /** All variables to set for the build step: secret ones and public ones. */
    public Map<String, String> environment() {
        Map<String, String> all = new LinkedHashMap<>(publicVariables);
        all.putAll(secretVariables);
        return Collections.unmodifiableMap(all);
    }

    /** Things the user should know that do not stop the build (e.g. values too short for the host to mask). */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "BindingResult[secret=" + secretVariables.keySet() + ", public=" + publicVariables.keySet() + "]";
    }
}
