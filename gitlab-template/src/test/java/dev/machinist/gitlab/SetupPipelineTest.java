package dev.machinist.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented install path on a shell runner: the jar is downloaded, checked and put on PATH. */
class SetupPipelineTest {
    private static FileServer releases;

    @TempDir
    Path project;

    @BeforeAll
    static void publishJar(@TempDir Path dir) throws Exception {
        releases = new FileServer(LauncherJar.write(dir.resolve("machinist.jar")), "/v0.1.0/machinist.jar");
    }

    @AfterAll
    static void stop() {
        if (releases != null) releases.close();
    }

    @Test
    void componentInstallsTheJarOnAShellRunner() throws Exception {
        Interop.onPath("rsync");
        Pipeline.Result result = new Pipeline(project)
                .withTemplates()
                .file(".gitlab-ci.yml", """
                        include:
                          - local: templates/machinist/template.yml
                            inputs:
                              jar-url: %s
                        version:
                          extends: .machinist
                          script:
                            - machinist --version
                            - command -v machinist-run
                        """.formatted(releases.uri("/v0.1.0/machinist.jar")))
                .run();
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.log("version")).contains("machinist ");
        // gitlab-ci-local checked the expanded pipeline against GitLab's CI schema before running it.
        assertThat(result.output()).contains("json schema validated");
        assertThat(project.resolve(".machinist"))
                .isDirectoryContaining(p -> p.toString().endsWith(".jar.jsa"));
    }

    /**
     * Jobs in Machinist's image cannot run here (no registry, no container engine), so this checks what
     * GitLab would be given: the image named by the inputs, its entrypoint cleared, nothing to install.
     */
    @Test
    void imageJobRunsInTheVersionedImageWithItsEntrypointCleared() throws Exception {
        Interop.onPath("rsync");
        Pipeline.Result result = new Pipeline(project)
                .withTemplates()
                .file(".gitlab-ci.yml", """
                        include:
                          - local: templates/machinist/template.yml
                            inputs:
                              image: registry.example.com/tools/machinist
                              version: 1.2.3
                        tool:
                          extends: .machinist-image
                          script:
                            - machinist-run ./deploy.sh
                        """)
                .run("--preview");
        assertThat(result.exitCode()).as(result.output()).isZero();
        String tool = result.output().substring(result.output().indexOf("\ntool:"));
        assertThat(tool)
                .contains("name: registry.example.com/tools/machinist:1.2.3")
                .containsPattern("entrypoint:\\s*\\n\\s*- ''")
                .contains("MACHINIST_INSTALL: none");
    }
}
