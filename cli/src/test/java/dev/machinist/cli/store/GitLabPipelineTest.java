package dev.machinist.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import dev.machinist.simulator.gitlab.GitLabSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `machinist store gitlab` from inside a GitLab pipeline, run by gitlab-ci-local (shell executor) against the
 * GitLab simulator: the job uses the runner's CI_API_V4_URL and CI_PROJECT_ID as the docs show. gitlab-ci-local
 * masks nothing, so the job log shows exactly what Machinist printed. Skipped when gitlab-ci-local is not in
 * the repository's interop/node_modules, unless MACHINIST_REQUIRE_INTEROP=1.
 */
class GitLabPipelineTest {
    private static final String VALUE = "pipeline-bot-token_7Hq2x";

    @TempDir
    Path project;

    private SimulatorServer server;
    private Path gitlabCiLocal;

    @BeforeEach
    void start() throws Exception {
        gitlabCiLocal = locateGitlabCiLocal();
        server = Simulators.startAll(0);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void aJobStoresAMaskedVariableWithTheRunnersApiUrlAndNeverPrintsIt() throws Exception {
        Run run = pipeline(VALUE, "store-token");
        assertThat(run.exit).as(run.log).isZero();
        assertThat(run.log)
                .contains("Created BOT_TOKEN in GitLab CI/CD variables of project 101 (scope *).")
                .doesNotContain(VALUE);
        var stored = server.vendor(GitLabSimulator.class)
                .variable(101, "BOT_TOKEN", "*")
                .orElseThrow();
        assertThat(stored.value()).isEqualTo(VALUE);
        assertThat(stored.masked()).isTrue();
        assertThat(stored.raw()).isTrue();
    }

    @Test
    void aJobWithAnUnmaskableValueFailsWithTheReasonAndSendsNothing() throws Exception {
        Run run = pipeline("two words", "store-token");
        assertThat(run.exit).isNotZero();
        assertThat(run.log)
                .contains("Refusing to store GitLab variable BOT_TOKEN as masked: it contains whitespace")
                .doesNotContain("two words");
        assertThat(server.requests()).noneMatch(r -> r.path().startsWith("/gitlab/"));
    }

    private record Run(int exit, String log) {}

    private Run pipeline(String value, String job) throws Exception {
        Files.writeString(project.resolve(".gitlab-ci.yml"), """
                store-token:
                  script:
                    - ./machinist store gitlab --project "$CI_PROJECT_ID" --name BOT_TOKEN --masked --raw --value-env NEW_TOKEN
                """);
        // The launcher names this JVM and its classpath (not secret; gitlab-ci-local would turn variables whose
        // values are existing paths into file variables).
        Path launcher = project.resolve("machinist");
        Files.writeString(
                launcher,
                "#!/bin/sh\nexec '" + ProcessHandle.current().info().command().orElse("java") + "' -cp '"
                        + System.getProperty("java.class.path") + "' dev.machinist.cli.Main \"$@\"\n");
        launcher.toFile().setExecutable(true);
        // Variables (with the demo token and the value) go in gitlab-ci-local's variables file, never in argv.
        Path variables = Files.createFile(
                project.resolve(".gitlab-ci-local-variables.yml"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
                variables,
                String.join(
                        "\n",
                        "CI_API_V4_URL: '" + server.baseUri() + "/gitlab/api/v4'",
                        "CI_PROJECT_ID: '101'",
                        "GITLAB_TOKEN: '" + GitLabSimulator.DEMO_TOKEN + "'",
                        "NEW_TOKEN: '" + value + "'",
                        "MACHINIST_JAVA: '"
                                + ProcessHandle.current().info().command().orElse("java") + "'",
                        "MACHINIST_CLASSPATH: '" + System.getProperty("java.class.path") + "'",
                        ""));
        exec(List.of("git", "init", "-q"));
        exec(List.of("git", "add", ".gitlab-ci.yml", "machinist"));
        exec(List.of("git", "-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-qm", "pipeline"));
        ProcessBuilder builder = new ProcessBuilder(gitlabCiLocal.toString(), job)
                .directory(project.toFile())
                .redirectErrorStream(true);
        // Pointing the runner's own variables at the simulator is the point here.
        builder.environment().put("GCL_IGNORE_PREDEFINED_VARS", "CI_API_V4_URL,CI_PROJECT_ID");
        Process p = builder.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("gitlab-ci-local timed out:\n" + log);
        }
        return new Run(p.exitValue(), log);
    }

    private void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
    }

    private static Path locateGitlabCiLocal() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("interop/node_modules/.bin/gitlab-ci-local");
            if (Files.isExecutable(candidate)) return candidate;
        }
        String message = "gitlab-ci-local not found in interop/node_modules (npm ci --ignore-scripts in interop/)";
        if ("1".equals(System.getenv("MACHINIST_REQUIRE_INTEROP"))) throw new AssertionError(message);
        Assumptions.abort(message);
        return null;
    }
}
