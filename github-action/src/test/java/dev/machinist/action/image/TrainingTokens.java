package dev.machinist.action.image;

import dev.machinist.core.http.HttpClientSettings;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.core.provider.Providers;
import java.util.Map;

/** Finds a simulator's demo token among the variables it describes, by the vendor's own token variables. */
final class TrainingTokens {
    private TrainingTokens() {}

    static String tokenFrom(String vendor, Map<String, String> env) {
        var provider =
                Providers.create(vendor, ProviderContext.of(env, new HttpTransport(HttpClientSettings.defaults())));
        for (String variable : provider.tokenVariables()) {
            String v = env.get(variable);
            if (v != null && !v.isBlank()) return v;
        }
        throw new IllegalStateException(
                "the " + vendor + " simulator describes no token variable " + provider.tokenVariables());
    }
}
