package dev.machinist.core.provider.local;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.provider.FetchedSecret;
import dev.machinist.core.provider.Identity;
import dev.machinist.core.provider.Provider;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.core.provider.SecretScope;
import dev.machinist.core.provider.SecretSource;
import dev.machinist.core.provider.SecretSummary;
import dev.machinist.core.provider.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets from a dotenv file (setting "env-file" or MACHINIST_ENV_FILE) and from environment variables,
 * so that injection and masking work without any vendor. A secret's id and key are the variable name.
 */
public final class LocalProvider implements Provider {
    private final ProviderContext context;

    public LocalProvider(ProviderContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "env";
    }

    @Override
    public String displayName() {
        return "Local environment";
    }

    @Override
    public List<String> tokenVariables() {
        return List.of();
    }

    @Override
    public Session login(Secret token, SecretSink sink) {
        Map<String, String> file = context.setting("env-file", "MACHINIST_ENV_FILE")
                .map(LocalProvider::read)
                .orElse(Map.of());
        return new LocalSession(this, file, context.environment(), sink);
    }

    static Map<String, String> read(String path) {
        try {
            return DotenvParser.parse(Files.readString(Path.of(path), StandardCharsets.UTF_8), path);
        } catch (IOException e) {
            throw MachinistException.usage(
                    "Cannot read the env file " + path + " (" + e.getClass().getSimpleName() + ").");
        }
    }

    private record LocalSession(Provider provider, Map<String, String> file, Map<String, String> env, SecretSink sink)
            implements Session, SecretSource {
        @Override
        public Identity identity() {
            return new Identity("local", System.getProperty("user.name", "local"), Map.of());
        }

        @Override
        public Optional<Instant> expiresAt() {
            return Optional.empty();
        }

        /** The file's entries; the process environment is not listed (it is not a secret store). */
        @Override
        public List<SecretSummary> listSecrets(SecretScope scope) {
            if (!scope.isOrganization()) {
                throw MachinistException.usage("The local provider has no projects; use --env-file or name variables.");
            }
            return file.keySet().stream()
                    .map(k -> new SecretSummary(k, k, List.of()))
                    .toList();
        }

        @Override
        public List<FetchedSecret> getSecrets(List<String> ids) {
            List<FetchedSecret> out = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            Map<String, String> all = new LinkedHashMap<>(env);
            all.putAll(file);
            for (String id : ids) {
                String value = all.get(id);
                if (value == null) {
                    missing.add(id);
                    continue;
                }
                Secret secret = Secret.of(id, value);
                sink.accept(secret);
                out.add(new FetchedSecret(id, id, secret, "", List.of()));
            }
            if (!missing.isEmpty()) {
                throw new MachinistException(
                        dev.machinist.core.ErrorKind.NOT_FOUND,
                        "Not set in the env file or the environment: " + String.join(", ", missing) + ".");
            }
            return out;
        }
    }
}
