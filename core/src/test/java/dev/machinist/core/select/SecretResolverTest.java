package dev.machinist.core.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.core.provider.SecretScope;
import dev.machinist.core.provider.SecretSource;
import dev.machinist.core.provider.local.LocalProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {
    @TempDir
    Path dir;

    private final List<Secret> sunk = new ArrayList<>();

    private SecretSource source(String dotenv, Map<String, String> env) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, dotenv);
        ProviderContext context =
                ProviderContext.of(env, HttpTransport.defaults()).withSettings(Map.of("env-file", file.toString()));
        return (SecretSource) new LocalProvider(context).login(Secret.of("none", ""), sunk::add);
    }

    @Test
    void parsesSmActionLines() {
        var picks = SecretSelection.parsePicks("""
                # database
                6e2a1c3b-0000-4000-8000-000000000001 > DB_PASSWORD
                6e2a1c3b-0000-4000-8000-000000000002>API_KEY, BARE_ID
                """);
        assertThat(picks)
                .containsExactly(
                        new SecretSelection.Pick("6e2a1c3b-0000-4000-8000-000000000001", "DB_PASSWORD"),
                        new SecretSelection.Pick("6e2a1c3b-0000-4000-8000-000000000002", "API_KEY"),
                        new SecretSelection.Pick("BARE_ID", null));
    }

    @Test
    void rejectsBadLinesClearly() {
        assertThatThrownBy(() -> SecretSelection.parsePicks("id > 1BAD"))
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining("'1BAD' is not a valid environment variable name");
        assertThatThrownBy(() -> SecretSelection.parsePicks(" > NAME")).hasMessageContaining("id is missing");
        assertThatThrownBy(() -> SecretSelection.parsePicks("id >")).hasMessageContaining("name after '>' is missing");
        assertThatThrownBy(() -> SecretSelection.of(List.of(), Optional.empty(), SecretSelection.NamePolicy.REJECT))
                .hasMessageContaining("Nothing to load");
    }

    @Test
    void resolvesPicksAndWholeScopeWithKeysAsNames() throws Exception {
        SecretSource source = source("DB_PASSWORD=pw-1\nAPI_KEY=key-2\n", Map.of("FROM_ENV", "env-3"));
        var selection = SecretSelection.of(
                SecretSelection.parsePicks("FROM_ENV > RENAMED"),
                Optional.of(SecretScope.organization()),
                SecretSelection.NamePolicy.REJECT);
        Map<String, Secret> resolved = SecretResolver.resolve(source, selection);
        assertThat(resolved.keySet()).containsExactly("DB_PASSWORD", "API_KEY", "RENAMED");
        assertThat(resolved.get("RENAMED").reveal()).isEqualTo("env-3");
        assertThat(resolved.get("RENAMED").name()).isEqualTo("RENAMED");
        assertThat(sunk).extracting(Secret::reveal).contains("pw-1", "key-2", "env-3");
    }

    @Test
    void invalidKeysAreRejectedOrMapped() throws Exception {
        SecretSource source = source("my-key.v2=hunter2\n", Map.of());
        var reject = SecretSelection.of(
                List.of(), Optional.of(SecretScope.organization()), SecretSelection.NamePolicy.REJECT);
        assertThatThrownBy(() -> SecretResolver.resolve(source, reject))
                .hasMessageContaining("The secret key 'my-key.v2'")
                .hasMessageContaining("--map-names")
                .hasMessageNotContaining("hunter2");
        var map =
                SecretSelection.of(List.of(), Optional.of(SecretScope.organization()), SecretSelection.NamePolicy.MAP);
        assertThat(SecretResolver.resolve(source, map)).containsOnlyKeys("my_key_v2");
        assertThat(EnvNames.map("9lives")).isEqualTo("_9lives");
    }

    @Test
    void twoSecretsForOneNameIsAnError() throws Exception {
        SecretSource source = source("A=1\nB=2\n", Map.of());
        var selection = SecretSelection.of(
                SecretSelection.parsePicks("A > SAME\nB > SAME"), Optional.empty(), SecretSelection.NamePolicy.REJECT);
        assertThatThrownBy(() -> SecretResolver.resolve(source, selection))
                .hasMessageContaining("Two secrets would both become $SAME (ids A and B)");
    }

    @Test
    void missingLocalVariablesAreNamed() throws Exception {
        SecretSource source = source("", Map.of());
        assertThatThrownBy(() -> source.getSecrets(List.of("NOPE")))
                .hasMessage("Not set in the env file or the environment: NOPE.");
        assertThat(SecretSink.NONE).isNotNull();
    }
}
