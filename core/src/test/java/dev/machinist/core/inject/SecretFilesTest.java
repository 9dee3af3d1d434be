package dev.machinist.core.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {
    @TempDir
    Path parent;

    @Test
    void filesAre0600InA0700DirectoryAndComeBackByteForByte() throws Exception {
        Path dir;
        try (SecretFiles files = SecretFiles.createIn(parent)) {
            dir = files.directory();
            Path pem = files.write("key.pem", Secret.of("KEY", GitHubWritersTest.PEM));
            Path json = files.write("sa.json", Secret.of("SA", GitHubWritersTest.JSON));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pem)))
                    .isEqualTo("rw-------");
            assertThat(Files.readAllBytes(pem)).isEqualTo(GitHubWritersTest.PEM.getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readAllBytes(json)).isEqualTo(GitHubWritersTest.JSON.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> files.write("key.pem", Secret.of("K", "x")))
                    .isInstanceOf(MachinistException.class)
                    .hasMessageContaining("already written");
            assertThatThrownBy(() -> files.write("../escape", Secret.of("K", "x")))
                    .isInstanceOf(MachinistException.class);
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void theDirectoryIsRemovedWhenTheJvmIsTerminated() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process jvm = new ProcessBuilder(
                        java,
                        "-Djava.io.tmpdir=" + parent,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SecretFilesMain.class.getName())
                .redirectErrorStream(true)
                .start();
        Path dir = Path.of(
                new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8)).readLine());
        assertThat(dir.resolve("key.pem")).exists();
        jvm.destroy(); // SIGTERM
        assertThat(jvm.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(dir).doesNotExist();
    }
}
