package dev.machinist.core.select;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.provider.FetchedSecret;
import dev.machinist.core.provider.SecretSource;
import dev.machinist.core.provider.SecretSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link SecretSelection} into variables: lists the scope, fetches every value in one bulk call,
 * names each secret, and refuses invalid or clashing names with a message that names keys and ids only.
 */
public final class SecretResolver {
    private SecretResolver() {}

    /** @return variable name → secret (named after the variable), in selection order */
    public static Map<String, Secret> resolve(SecretSource source, SecretSelection selection) {
        Map<String, String> nameById = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        if (selection.scope().isPresent()) {
            for (SecretSummary s : source.listSecrets(selection.scope().get())) ids.add(s.id());
        }
        for (SecretSelection.Pick p : selection.picks()) {
            ids.add(p.id());
            if (p.name() != null) nameById.put(p.id(), p.name());
        }
        if (ids.isEmpty()) return Map.of();
        List<FetchedSecret> fetched = source.getSecrets(new ArrayList<>(ids));
        Map<String, Secret> out = new LinkedHashMap<>();
        Map<String, String> idByName = new LinkedHashMap<>();
        for (FetchedSecret f : fetched) {
            String name = nameById.containsKey(f.id()) ? nameById.get(f.id()) : nameFor(f, selection.namePolicy());
            String previous = idByName.putIfAbsent(name, f.id());
            if (previous != null && !previous.equals(f.id())) {
                throw new MachinistException(
                        ErrorKind.USAGE,
                        "Two secrets would both become $" + name + " (ids " + previous + " and " + f.id()
                                + "); pick one of them explicitly as 'ID > OTHER_NAME'.");
            }
            out.put(name, f.value().renamed(name));
        }
        return out;
    }

    private static String nameFor(FetchedSecret f, SecretSelection.NamePolicy policy) {
        if (EnvNames.isValid(f.key())) return f.key();
        if (policy == SecretSelection.NamePolicy.MAP) return EnvNames.map(f.key());
        throw MachinistException.usage("The secret key '" + f.key() + "' (id " + f.id()
                + ") is not a valid environment variable name; pick it as '" + f.id() + " > NAME', rename it,"
                + " or let Machinist map invalid characters to '_' (--map-names).");
    }
}
