package dev.machinist.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.bitwarden.BitwardenSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GitLab job in Machinist's image, as the component's `.machinist-image` job runs it: the docker executor
 * clears the entrypoint and feeds the script to the image's /bin/sh; the script sources the setup snippet
 * (gitlab-template/install.sh, with MACHINIST_INSTALL=none because `machinist` is on the image's PATH) and
 * runs the step through `machinist-run`. gitlab-ci-local cannot run images here, so podman plays the runner.
 */
class GitLabJobInImageIT {
    static SimulatorServer simulators;
    static BitwardenSimulator bitwarden = new BitwardenSimulator();
    static String image;

    @BeforeAll
    static void start() throws Exception {
        Podman.requireAvailable();
        boolean hasShell = Files.isRegularFile(Path.of("target/image-root/bin/sh"));
        if (!hasShell && "1".equals(System.getenv("MACHINIST_REQUIRE_INTEROP"))) {
            fail("the image was built without /bin/sh: apt-get install -y busybox-static");
        }
        assumeTrue(hasShell, "the image has no /bin/sh (busybox-static not installed when it was built); skipping");
        image = Podman.load(
                Path.of(System.getProperty("machinist.image.tar", "target/jib-image.tar")),
                System.getProperty("machinist.image.name", "ghcr.io/machinist-dev/machinist:0.1.0-SNAPSHOT"));
        simulators = SimulatorServer.start(0).with(bitwarden);
    }

    @AfterAll
    static void stop() {
        if (simulators != null) simulators.close();
    }

    @Test
    void aJobScriptRunsInTheImageWithSecretsInjectedAndMasked(@TempDir Path dir) throws Exception {
        Path setup =
                Path.of("..", "gitlab-template", "install.sh").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(setup), "gitlab-template/install.sh not found");
        String value = "gl-image-" + java.util.UUID.randomUUID() + "/+=";
        String id = bitwarden.addSecret("GL_IMAGE_SECRET", value, "");
        String script = "set -e; mkdir -p \"$CI_PROJECT_DIR\"; cd \"$CI_PROJECT_DIR\"; . /setup/install.sh;"
                + " machinist-run sh -c 'echo \"pw=$DB_PASSWORD\"; printf %s \"$DB_PASSWORD\" | base64;"
                + " printf %s \"$DB_PASSWORD\" | od -An -tx1 | tr -d \" \\n\"; echo;"
                + " echo \"sha=$(printf %s \"$DB_PASSWORD\" | sha256sum | cut -c1-64)\"'";
        List<String> cmd = new ArrayList<>(Podman.command());
        cmd.addAll(List.of(
                "run",
                "--rm",
                "--network",
                "host",
                "--ulimit",
                "nofile=1024:1024",
                "--ulimit",
                "nproc=1024:1024",
                "--entrypoint",
                "",
                "-v",
                setup + ":/setup/install.sh:ro",
                "-e",
                "GITLAB_CI=true",
                "-e",
                "CI_PROJECT_DIR=/builds/demo",
                "-e",
                "HOME=/root",
                "-e",
                "MACHINIST_INSTALL=none",
                "-e",
                "MACHINIST_VENDOR=bitwarden",
                "-e",
                "BWS_SERVER_URL=" + BitwardenSimulator.serverUrl(simulators.baseUri()),
                "-e",
                "BWS_ACCESS_TOKEN",
                "-e",
                "MACHINIST_SECRETS=" + id + " > DB_PASSWORD",
                image,
                "/bin/sh",
                "-c",
                script));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // The token travels in the environment (`-e NAME` without a value), never in podman's argv.
        pb.environment().put("BWS_ACCESS_TOKEN", bitwarden.demoAccessToken());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) fail("the job did not finish");
        assertThat(p.exitValue()).as(log).isZero();
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8));
        assertThat(log).contains("pw=[MASKED]", "sha=" + sha);
        assertThat(log)
                .doesNotContain(value)
                .doesNotContain(Base64.getEncoder().encodeToString(utf8))
                .doesNotContain(HexFormat.of().formatHex(utf8))
                .doesNotContain(bitwarden.demoAccessToken());
    }
}
