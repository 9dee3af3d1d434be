package dev.machinist.simulator.platform;

import java.util.Locale;

/**
 * The simulator's own view of a Platform.sh-family vendor: which OAuth client it accepts, which variable
 * prefix its CLI reads, and whether it runs an SSH certifier. Written independently of the core's profiles
 * so that a wrong value on either side shows up as a failing test.
 */
record SimProfile(String key, String displayName, String clientId, String envPrefix, boolean hasCertifier) {

    static SimProfile of(String key) {
        return switch (key == null ? "" : key.toLowerCase(Locale.ROOT)) {
            case "platformsh" -> new SimProfile("platformsh", "Platform.sh", "platform-cli", "PLATFORMSH_CLI_", true);
            case "upsun" -> new SimProfile("upsun", "Upsun", "upsun-cli", "UPSUN_CLI_", true);
            // ovh/webpaas-cli config.yaml: client ovh-eu-cli, certifier_url: ~ (ssh-cert commands disabled)
            case "webpaas" ->
                new SimProfile("webpaas", "OVHcloud Web PaaS", "ovh-eu-cli", "OVHCLOUD_WEBPAAS_CLI_", false);
            default ->
                throw new IllegalArgumentException(
                        "unknown Platform.sh-family profile '" + key + "' (expected platformsh, upsun or webpaas)");
        };
    }

    String tokenVariable() {
        return envPrefix + "TOKEN";
    }
}
