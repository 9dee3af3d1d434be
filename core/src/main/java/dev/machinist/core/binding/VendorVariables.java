package dev.machinist.core.binding;

import dev.machinist.core.provider.Provider;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The variables a vendor's own CLI reads, so that a step inside the binding can run {@code terminus},
 * {@code platform}, {@code upsun} or {@code bws} against the same server the binding logged in to.
 */
final class VendorVariables {
    /** The variable the bot token is exported under when the vendor's CLI has none. */
    static final String GENERIC_TOKEN = "MACHINIST_TOKEN";

    private VendorVariables() {}

    /** TERMINUS_MACHINE_TOKEN, PLATFORMSH_CLI_TOKEN, UPSUN_CLI_TOKEN, OVHCLOUD_WEBPAAS_CLI_TOKEN, BWS_ACCESS_TOKEN. */
    static String tokenVariable(Provider provider) {
        return provider.tokenVariables().isEmpty()
                ? GENERIC_TOKEN
                : provider.tokenVariables().get(0);
    }

    /** Setting name → the vendor CLI's variable for it, for the settings the binding was given. */
    static Map<String, String> fromSettings(Provider provider, Map<String, String> settings) {
        Map<String, String> names = new LinkedHashMap<>();
        String id = provider.id().toLowerCase(Locale.ROOT);
        switch (id) {
            case "pantheon" -> {
                names.put("protocol", "TERMINUS_PROTOCOL");
                names.put("host", "TERMINUS_HOST");
                names.put("port", "TERMINUS_PORT");
            }
            case "bitwarden" -> names.put("server-url", "BWS_SERVER_URL");
            default -> {
                // The Platform.sh family: every variable shares the token variable's prefix (UPSUN_CLI_...).
                String token = tokenVariable(provider);
                if (token.endsWith("_TOKEN") && !token.equals(GENERIC_TOKEN)) {
                    String prefix = token.substring(0, token.length() - "TOKEN".length());
                    names.put("api-url", prefix + "API_URL");
                    names.put("auth-url", prefix + "AUTH_URL");
                    names.put("token-url", prefix + "OAUTH2_TOKEN_URL");
                    names.put("certifier-url", prefix + "CERTIFIER_URL");
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        names.forEach((setting, variable) -> {
            String value = settings.get(setting);
            if (value != null) out.put(variable, value);
        });
        return out;
    }

    /** A URL with a user name or password in it is a credential, whatever variable it sits in. */
    static boolean carriesCredentials(String value) {
        int scheme = value.indexOf("://");
        if (scheme < 0) return false;
        int end = value.indexOf('/', scheme + 3);
        String authority = end < 0 ? value.substring(scheme + 3) : value.substring(scheme + 3, end);
        return authority.contains("@");
    }
}
