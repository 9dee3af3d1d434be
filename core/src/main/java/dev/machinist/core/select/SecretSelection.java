package dev.machinist.core.select;

import dev.machinist.core.MachinistException;
import dev.machinist.core.provider.SecretScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which secrets to load and under which variable names: explicit {@code ID > NAME} picks (Bitwarden
 * sm-action's syntax; a bare {@code ID} takes the secret's own key as the name), and/or a whole scope (a
 * project or the organization) whose secrets are named by their keys.
 */
public record SecretSelection(List<Pick> picks, Optional<SecretScope> scope, NamePolicy namePolicy) {
    public SecretSelection {
        picks = List.copyOf(picks);
    }

    /** One explicit secret; {@code name} is null when the secret's key should be used. */
    public record Pick(String id, String name) {}

    /** What to do with a key that is not a valid environment variable name. */
    public enum NamePolicy {
        /** Stop with an error naming the key (the default: silent renaming surprises people). */
        REJECT,
        /** Replace invalid characters with '_' and prefix '_' when it starts with a digit. */
        MAP
    }

    public static SecretSelection of(List<Pick> picks, Optional<SecretScope> scope, NamePolicy policy) {
        if (picks.isEmpty() && scope.isEmpty()) {
            throw MachinistException.usage(
                    "Nothing to load: give secrets as 'ID > NAME', or a project, or the whole organization.");
        }
        return new SecretSelection(picks, scope, policy);
    }

    /**
     * Parses sm-action style lines: {@code ID > NAME} per line (or separated by commas/semicolons); blank
     * lines and {@code #} comments are skipped.
     */
    public static List<Pick> parsePicks(String text) {
        List<Pick> picks = new ArrayList<>();
        if (text == null) return picks;
        int lineNo = 0;
        for (String rawLine : text.split("\\R")) {
            lineNo++;
            for (String part : rawLine.split("[,;]")) {
                String line = part.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int arrow = line.indexOf('>');
                String id = (arrow < 0 ? line : line.substring(0, arrow)).strip();
                String name = arrow < 0 ? null : line.substring(arrow + 1).strip();
                if (id.isEmpty()) {
                    throw MachinistException.usage(
                            "Secret selection line " + lineNo + ": the secret id is missing before '>'.");
                }
                if (name != null && name.isEmpty()) {
                    throw MachinistException.usage(
                            "Secret selection line " + lineNo + ": the variable name after '>' is missing.");
                }
                if (name != null && !EnvNames.isValid(name)) {
                    throw MachinistException.usage(
                            "Secret selection line " + lineNo + ": '" + name
                                    + "' is not a valid environment variable name (letters, digits and _, not starting with a digit).");
                }
                picks.add(new Pick(id, name));
            }
        }
        return picks;
    }
}
