package dev.machinist.core.provider;

import dev.machinist.core.MachinistException;
import dev.machinist.core.provider.bitwarden.BitwardenProvider;
import dev.machinist.core.provider.pantheon.PantheonProvider;
import dev.machinist.core.provider.platform.PlatformProvider;
import dev.machinist.core.provider.platform.VendorProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The vendors Machinist knows, by id. Adapters go through here so that every vendor is reachable everywhere. */
public final class Providers {
    private static final Map<String, Function<ProviderContext, Provider>> FACTORIES = new LinkedHashMap<>();

    static {
        // One line per vendor id, in the order `--help` lists them.
        FACTORIES.put("pantheon", PantheonProvider::new);
        FACTORIES.put("platformsh", c -> new PlatformProvider(VendorProfile.PLATFORMSH, c));
        FACTORIES.put("upsun", c -> new PlatformProvider(VendorProfile.UPSUN, c));
        FACTORIES.put("webpaas", c -> new PlatformProvider(VendorProfile.WEBPAAS, c));
        FACTORIES.put("bitwarden", BitwardenProvider::new);
        FACTORIES.put("env", dev.machinist.core.provider.local.LocalProvider::new);
    }

    private Providers() {}

    public static List<String> ids() {
        return List.copyOf(FACTORIES.keySet());
    }

    public static Provider create(String id, ProviderContext context) {
        Function<ProviderContext, Provider> factory =
                FACTORIES.get(id == null ? "" : id.trim().toLowerCase(java.util.Locale.ROOT));
        if (factory == null) {
            throw MachinistException.usage(
                    "Unknown vendor '" + id + "'. Known vendors: " + String.join(", ", FACTORIES.keySet()) + ".");
        }
        return factory.apply(context);
    }
}
