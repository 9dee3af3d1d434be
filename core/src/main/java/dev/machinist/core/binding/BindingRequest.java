package dev.machinist.core.binding;

import dev.machinist.core.Secret;
import dev.machinist.core.select.SecretSelection;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a credential binding was configured with, host-neutral: the vendor, the bot's token, the vendor
 * settings (server-url, region, api-url, auth-url, identity-url, host, port, protocol, env-file, ...), which
 * secrets to load, and the environment of the machine the vendor calls run on (vendors' own variables such as
 * TERMINUS_HOST are honoured, explicit settings win). {@link #toString()} never shows the token.
 *
 * @param secrets sm-action style lines {@code ID > NAME} (or bare ids), may be blank
 * @param project load every secret of this project, may be blank
 * @param organization load every secret the token can see
 * @param handoffDirectory a private directory the host deletes after the block, where the vendor's own CLI
 *     gets its login (Terminus's session file); null to write nothing
 */
public record BindingRequest(
        String vendor,
        Secret token,
        Map<String, String> settings,
        String secrets,
        String project,
        boolean organization,
        SecretSelection.NamePolicy namePolicy,
        Map<String, String> environment,
        Path home,
        Path handoffDirectory) {

    public BindingRequest {
        vendor = vendor == null ? "" : vendor.trim();
        token = token == null ? Secret.of("token", "") : token;
        settings = withoutBlanks(settings);
        secrets = secrets == null ? "" : secrets;
        project = project == null ? "" : project.trim();
        namePolicy = namePolicy == null ? SecretSelection.NamePolicy.REJECT : namePolicy;
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        home = home == null ? Path.of(System.getProperty("user.home")) : home;
    }

    public static Builder builder(String vendor, Secret token) {
        return new Builder(vendor, token);
    }

    /** Whether any secret is asked for (explicit picks, a project or the organization). */
    public boolean selectsSecrets() {
        return !SecretSelection.parsePicks(secrets).isEmpty() || !project.isEmpty() || organization;
    }

    private static Map<String, String> withoutBlanks(Map<String, String> in) {
        Map<String, String> out = new LinkedHashMap<>();
        if (in != null) {
            in.forEach((k, v) -> {
                if (k != null && v != null && !v.isBlank()) out.put(k, v.trim());
            });
        }
        return Map.copyOf(out);
    }

    @Override
    public String toString() {
        return "BindingRequest[vendor=" + vendor + ", token=****, settings=" + settings.keySet() + ", project="
                + project + ", organization=" + organization + "]";
    }

    /** Fluent construction for adapters, which set only what their host configured. */
    public static final class Builder {
        private final String vendor;
        private final Secret token;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private String secrets = "";
        private String project = "";
        private boolean organization;
        private SecretSelection.NamePolicy namePolicy = SecretSelection.NamePolicy.REJECT;
        private Map<String, String> environment = Map.of();
        private Path home;
        private Path handoffDirectory;

        private Builder(String vendor, Secret token) {
            this.vendor = vendor;
            this.token = Objects.requireNonNull(token, "token");
        }

        /** A provider setting; null or blank values are ignored so adapters can pass optional fields as-is. */
        public Builder setting(String name, String value) {
            if (value != null && !value.isBlank()) settings.put(name, value);
            return this;
        }

        public Builder secrets(String lines) {
            this.secrets = lines;
            return this;
        }

        public Builder project(String projectId) {
            this.project = projectId;
            return this;
        }

        public Builder organization(boolean wholeOrganization) {
            this.organization = wholeOrganization;
            return this;
        }

        /** Whether keys that are not valid variable names are mapped to '_' (true) or rejected (false). */
        public Builder mapNames(boolean map) {
            this.namePolicy = map ? SecretSelection.NamePolicy.MAP : SecretSelection.NamePolicy.REJECT;
            return this;
        }

        public Builder environment(Map<String, String> env) {
            this.environment = env;
            return this;
        }

        public Builder home(Path dir) {
            this.home = dir;
            return this;
        }

        /** See {@link BindingRequest#handoffDirectory()}. */
        public Builder handoffDirectory(Path dir) {
            this.handoffDirectory = dir;
            return this;
        }

        public BindingRequest build() {
            return new BindingRequest(
                    vendor,
                    token,
                    settings,
                    secrets,
                    project,
                    organization,
                    namePolicy,
                    environment,
                    home,
                    handoffDirectory);
        }
    }
}
