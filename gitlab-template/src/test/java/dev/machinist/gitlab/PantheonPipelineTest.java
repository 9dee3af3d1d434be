package dev.machinist.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import dev.machinist.simulator.pantheon.PantheonSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login-only job for Pantheon's own CLI: .machinist-terminus leaves a live Terminus session behind. */
class PantheonPipelineTest {
    private static SimulatorServer simulators;
    private static PantheonSimulator pantheon;
    private static FileServer releases;

    @TempDir
    Path project;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        simulators = Simulators.startAll(0);
        pantheon = simulators.vendor(PantheonSimulator.class);
        releases = new FileServer(LauncherJar.write(dir.resolve("machinist.jar")), "/machinist.jar");
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
    }

    @Test
    void terminusJobLeavesALiveSessionOnlyTheOwnerCanRead() throws Exception {
        Pipeline.Result result = pipeline(pantheon.demoToken());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.log("deploy")).contains("terminus would run now");
        Path session = project.resolve(".home/.terminus/cache/session");
        assertThat(Files.getPosixFilePermissions(session)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String sessionValue =
                new ObjectMapper().readTree(session.toFile()).get("session").asText();
        assertThat(pantheon.isSessionLive(sessionValue)).isTrue();
        LeakCheck.assertNeverShown(result.everything(), sessionValue);
        LeakCheck.assertNeverShown(result.everything(), pantheon.demoToken());
    }

    @Test
    void aBadMachineTokenFailsTheJobBeforeItsScript() throws Exception {
        String bad = PantheonSimulator.badToken(PantheonSimulator.BadTokenAnswer.values()[0]);
        Pipeline.Result result = pipeline(bad);
        assertThat(result.exitCode()).isNotZero();
        String log = result.log("deploy");
        assertThat(log).contains("Pantheon").doesNotContain("terminus would run now");
        assertThat(log).doesNotContainPattern("\\bat [a-z]+\\.[a-z.]+\\(|Exception");
        LeakCheck.assertNeverShown(result.everything(), bad);
        assertThat(project.resolve(".home/.terminus/cache/session")).doesNotExist();
    }

    private Pipeline.Result pipeline(String token) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, String> env = (Map<String, String>)
                ((Map<String, Object>) simulators.describe().get("pantheon")).get("env");
        Map<String, String> variables = new LinkedHashMap<>(env);
        variables.put("TERMINUS_MACHINE_TOKEN", token);
        return new Pipeline(project)
                .withTemplates()
                .file(".gitlab-ci.yml", """
                        include:
                          - local: templates/machinist/template.yml
                            inputs:
                              jar-url: %s
                        deploy:
                          extends: .machinist-terminus
                          script:
                            - test -s "$HOME/.terminus/cache/session" && echo "terminus would run now"
                        """.formatted(releases.uri("/machinist.jar")))
                .variables(variables)
                .run();
    }
}
