package dev.machinist.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login-only job for the Platform.sh family: .machinist-ssh-cert leaves git/ssh a certified key. The
 * classic template comes in by {@code include: remote:}, served from loopback.
 */
class UpsunPipelineTest {
    private static SimulatorServer simulators;
    private static FileServer releases;

    @TempDir
    Path project;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        simulators = Simulators.startAll(0);
        releases = new FileServer(LauncherJar.write(dir.resolve("machinist.jar")), "/machinist.jar")
                .serve(Interop.templateDir().resolve("Machinist.gitlab-ci.yml"), "/templates/Machinist.gitlab-ci.yml");
    }

    @AfterAll
    static void stop() {
        if (releases != null) releases.close();
        if (simulators != null) simulators.close();
    }

    @BeforeEach
    void tools() {
        Interop.onPath("rsync");
        Interop.onPath("curl");
        Interop.onPath("ssh-keygen");
    }

    @Test
    void sshCertJobExportsGitSshCommandWithACertifiedKeyOnlyTheOwnerCanRead() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, String> env = (Map<String, String>)
                ((Map<String, Object>) simulators.describe().get("upsun")).get("env");
        Pipeline.Result result = new Pipeline(project)
                .withTemplates()
                .file(".gitlab-ci.yml", """
                        include:
                          - remote: %s
                        variables:
                          MACHINIST_JAR_URL: %s
                        push:
                          extends: .machinist-ssh-cert
                          variables:
                            MACHINIST_VENDOR: upsun
                          script:
                            - echo "git uses $GIT_SSH_COMMAND"
                            - ssh-keygen -L -f "$HOME"/.machinist/ssh/upsun/*-cert.pub
                        """.formatted(
                                releases.uri("/templates/Machinist.gitlab-ci.yml"), releases.uri("/machinist.jar")))
                .variables(new LinkedHashMap<>(env))
                .run();
        assertThat(result.exitCode()).as(result.output()).isZero();
        Path dir = project.resolve(".home/.machinist/ssh/upsun");
        String log = result.log("push");
        assertThat(log).contains("git uses ssh -i ", dir.toString()).contains("user certificate");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.toList();
        }
        assertThat(files).anyMatch(p -> p.getFileName().toString().endsWith("-cert.pub"));
        for (Path f : files) {
            if (f.getFileName().toString().endsWith(".pub")) continue; // public key and certificate
            assertThat(Files.getPosixFilePermissions(f))
                    .as("the private key " + f)
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            LeakCheck.assertNeverShown(result.everything(), Files.readString(f));
        }
        LeakCheck.assertNeverShown(result.everything(), env.get("UPSUN_CLI_TOKEN"));
    }
}
