package dev.machinist.core.github;

import dev.machinist.core.MachinistException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An action's inputs, read exactly as the runner passes them to a container: the variable is
 * {@code INPUT_} + the input name upper-cased with spaces replaced by underscores; hyphens are kept
 * (actions/runner {@code Handler.AddInputsToEnvironment}), so input {@code access-token} arrives as
 * {@code INPUT_ACCESS-TOKEN}. The runner passes every declared input, an unset one as the empty string
 * or its default, so an empty value means "not given".
 */
public final class ActionInputs {
    private final Map<String, String> environment;

    private ActionInputs(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static ActionInputs from(Map<String, String> environment) {
        return new ActionInputs(environment);
    }

    /** The environment variable the runner uses for input {@code name}. */
    public static String variableFor(String name) {
        return "INPUT_" + name.replace(' ', '_').toUpperCase(Locale.ROOT);
    }

    /** The trimmed value, empty when unset or blank. */
    public Optional<String> get(String name) {
        String v = environment.get(variableFor(name));
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** The value exactly as given (a token or multi-line text may need its inner whitespace). */
    public Optional<String> raw(String name) {
        String v = environment.get(variableFor(name));
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public String require(String name, String why) {
        return get(name).orElseThrow(() -> MachinistException.usage("The input '" + name + "' is required: " + why));
    }

    /**
     * A boolean as the toolkit's {@code getBooleanInput} reads one (YAML 1.2 core schema: true, True, TRUE,
     * false, False, FALSE); anything else is an error rather than a silent default.
     */
    public boolean flag(String name, boolean defaultValue) {
        Optional<String> v = get(name);
        if (v.isEmpty()) return defaultValue;
        switch (v.get()) {
            case "true", "True", "TRUE":
                return true;
            case "false", "False", "FALSE":
                return false;
            default:
                throw MachinistException.usage(
                        "The input '" + name + "' must be true or false, not '" + v.get() + "'.");
        }
    }

    /** A non-negative whole number. */
    public int number(String name, int defaultValue) {
        Optional<String> v = get(name);
        if (v.isEmpty()) return defaultValue;
        try {
            int n = Integer.parseInt(v.get());
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw MachinistException.usage(
                "The input '" + name + "' must be a whole number (0 or more), not '" + v.get() + "'.");
    }

    /** One item per non-blank line (or comma-separated), trimmed; {@code #} starts a comment line. */
    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String line : raw(name).orElse("").split("\\R")) {
            for (String part : line.split(",")) {
                String item = part.strip();
                if (!item.isEmpty() && !item.startsWith("#")) out.add(item);
            }
        }
        return out;
    }

    /** One item per line, untrimmed inside but without the line ends (values to mask may contain commas). */
    public List<String> lines(String name) {
        List<String> out = new ArrayList<>();
        for (String line : raw(name).orElse("").split("\\R")) {
            if (!line.isBlank()) out.add(line.strip());
        }
        return out;
    }
}
