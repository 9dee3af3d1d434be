package dev.machinist.core.provider.pantheon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.core.ErrorKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files Terminus reads: where, what, with which permissions, and how they are replaced and removed. */
class TerminusSessionFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private PantheonFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new PantheonFixture(home);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void writesTheSessionWhereTerminusReadsItInTerminusShape() throws Exception {
        PantheonSession session = f.login();

        Path file = session.writeTerminusSession();

        assertThat(file).isEqualTo(home.resolve(".terminus/cache/session"));
        JsonNode json = JSON.readTree(file.toFile());
        assertThat(json.get("session").asText()).isEqualTo(f.sunk.get(0).reveal());
        assertThat(json.get("user_id").asText()).isEqualTo(f.pantheon.demoUserId());
        assertThat(json.get("expires_at").asLong())
                .isEqualTo(session.expiresAt().orElseThrow().getEpochSecond());
        assertThat(json.size()).isEqualTo(3);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(home.resolve(".terminus/cache"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(home.resolve(".terminus"))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void honoursTerminusCacheDir() throws Exception {
        Path cache = home.resolve("elsewhere/cache");
        f.env.put("TERMINUS_CACHE_DIR", cache.toString());

        Path file = f.login().writeTerminusSession();

        assertThat(file).isEqualTo(cache.resolve("session"));
        assertThat(Files.exists(home.resolve(".terminus"))).isFalse();
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void replacesAnExistingLooselyPermittedFileInsteadOfRewritingIt() throws Exception {
        Path cache = Files.createDirectories(home.resolve(".terminus/cache"));
        Path existing = Files.writeString(cache.resolve("session"), "{\"session\":\"old\"}");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
        Object inodeBefore = Files.readAttributes(existing, "unix:ino").get("ino");

        Path file = f.login().writeTerminusSession();

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readAttributes(file, "unix:ino").get("ino")).isNotEqualTo(inodeBefore);
        assertThat(JSON.readTree(file.toFile()).get("session").asText())
                .isEqualTo(f.sunk.get(0).reveal());
        try (var listing = Files.list(cache)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("session");
        }
    }

    @Test
    void savesTheMachineTokenAsTerminusSavedTokenForTheBotsEmail() throws Exception {
        PantheonSession session = f.login();

        Path file = session.saveTerminusToken();

        assertThat(file).isEqualTo(home.resolve(".terminus/cache/tokens/" + f.pantheon.demoEmail()));
        JsonNode json = JSON.readTree(file.toFile());
        assertThat(json.get("token").asText()).isEqualTo(f.pantheon.demoToken());
        assertThat(json.get("email").asText()).isEqualTo(f.pantheon.demoEmail());
        assertThat(json.get("date").asLong()).isPositive();
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void savedTokenFileNamesAreCleanedAsTerminusCleansThem() {
        TerminusFiles files = new TerminusFiles(home, home.resolve("tokens"));

        assertThat(files.tokenFile("a+b/../c@x.io").getFileName().toString()).isEqualTo("a-b-..-c@x.io");
        assertThatThrownBy(() -> files.tokenFile("..")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logoutRemovesOnlyTheFilesThisSessionWrote() throws Exception {
        PantheonSession session = f.login();
        Path sessionFile = session.writeTerminusSession();
        Path tokenFile = session.saveTerminusToken();

        session.logout();

        assertThat(sessionFile).doesNotExist();
        assertThat(tokenFile).doesNotExist();
    }

    @Test
    void logoutLeavesASessionFileALaterLoginWrote() throws Exception {
        PantheonSession first = f.login();
        first.writeTerminusSession();
        PantheonSession second = f.login();
        Path file = second.writeTerminusSession();

        first.logout();

        assertThat(file).exists();
        assertThat(JSON.readTree(file.toFile()).get("session").asText())
                .isEqualTo(f.sunk.get(1).reveal());
    }

    @Test
    void anUnwritableCacheDirIsAClearErrorWithoutTheSession() throws Exception {
        Path blocker = Files.writeString(home.resolve("not-a-dir"), "x");
        f.env.put("TERMINUS_CACHE_DIR", blocker.resolve("cache").toString());
        PantheonSession session = f.login();

        assertThatThrownBy(session::writeTerminusSession)
                .hasFieldOrPropertyWithValue("kind", ErrorKind.INTERNAL)
                .hasMessageContaining("Could not write")
                .satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain(f.sunk.get(0).reveal()));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
