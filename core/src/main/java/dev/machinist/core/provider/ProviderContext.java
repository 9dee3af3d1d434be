package dev.machinist.core.provider;

import dev.machinist.core.http.HttpTransport;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a provider is configured from: the environment (vendors' own variables override URLs, e.g.
 * TERMINUS_HOST, PLATFORMSH_CLI_API_URL, BWS_SERVER_URL), explicit settings from a caller (an option, an
 * action input, a Jenkins credential field; these win over the environment), the HTTP client, and the
 * home directory for files vendor CLIs read.
 */
public record ProviderContext(
        Map<String, String> environment, Map<String, String> settings, HttpTransport http, Path home) {
    public ProviderContext {
        environment = Map.copyOf(environment);
        settings = Map.copyOf(settings);
    }

    public static ProviderContext of(Map<String, String> environment, HttpTransport http) {
        String home = environment.get("HOME");
        return new ProviderContext(
                environment,
                Map.of(),
                http,
                Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")));
    }

    public ProviderContext withSettings(Map<String, String> s) {
        return new ProviderContext(environment, s, http, home);
    }

    public ProviderContext withHome(Path h) {
        return new ProviderContext(environment, settings, http, h);
    }

    /** A setting by name, else the environment variable, else empty. Blank values count as unset. */
    public Optional<String> setting(String settingName, String envName) {
        String v = settings.get(settingName);
        if (v == null || v.isBlank()) v = envName == null ? null : environment.get(envName);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public Optional<String> env(String name) {
        String v = environment.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
