package dev.machinist.cli.store;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Output;
import dev.machinist.core.store.SecretStore;
import dev.machinist.core.store.StoreResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a store command prints: the name, where, and whether it was created or updated; never the value. */
final class StoreReport {
    private StoreReport() {}

    static int print(
            CliContext context, Output output, String kind, String name, SecretStore store, StoreResult result) {
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("store", kind);
            m.put("name", name);
            m.put("where", store.describe());
            m.put("result", result.verb());
            Output.printJson(context.out(), m);
        } else {
            context.out().println(capitalized(result.verb()) + " " + name + " in " + store.describe() + ".");
        }
        return 0;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
