package dev.machinist.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by every command that logs in: which vendor, where its token comes from, its URLs. */
public final class VendorOptions {
    @Option(
            names = "--vendor",
            paramLabel = "VENDOR",
            description = "pantheon, platformsh, upsun, webpaas, bitwarden or env. Default: $MACHINIST_VENDOR,"
                    + " else the vendor whose token variable is set.")
    String vendor;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "Read the token from FILE (trailing newline ignored).")
    Path tokenFile;

    @Option(names = "--token-stdin", description = "Read the token from standard input.")
    boolean tokenStdin;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            hidden = true,
            description = "Discouraged: the token on the command line is visible to other processes.")
    String tokenArgument;

    @Option(
            names = "--server-url",
            paramLabel = "URL",
            description = "Bitwarden: self-hosted server (api at URL/api, identity at URL/identity).")
    String serverUrl;

    @Option(names = "--region", paramLabel = "us|eu", description = "Bitwarden cloud region (default us).")
    String region;

    @Option(names = "--api-url", paramLabel = "URL", description = "Override the vendor's API URL.")
    String apiUrl;

    @Option(names = "--auth-url", paramLabel = "URL", description = "Platform.sh family: override the auth URL.")
    String authUrl;

    @Option(names = "--identity-url", paramLabel = "URL", description = "Bitwarden: override the identity URL.")
    String identityUrl;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Any other provider setting, e.g. --set host=terminus.example.com.")
    Map<String, String> extra = new LinkedHashMap<>();

    Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>(extra);
        put(s, "server-url", serverUrl);
        put(s, "region", region);
        put(s, "api-url", apiUrl);
        put(s, "auth-url", authUrl);
        put(s, "identity-url", identityUrl);
        return s;
    }

    private static void put(Map<String, String> s, String key, String value) {
        if (value != null && !value.isBlank()) s.put(key, value);
    }
}
