package dev.machinist.action;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * podman as this project runs it (docs: environment): the runc runtime and lowered ulimits, because crun
 * fails on these machines. Missing podman skips the test, unless MACHINIST_REQUIRE_INTEROP=1 (CI), where
 * it fails.
 */
final class Podman {
    private Podman() {}

    static List<String> command() {
        return List.of("podman", "--runtime", "runc");
    }

    static void requireAvailable() {
        boolean available;
        try {
            Process p = new ProcessBuilder("podman", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            available = false;
        }
        if (!available && "1".equals(System.getenv("MACHINIST_REQUIRE_INTEROP"))) {
            fail("podman is required (MACHINIST_REQUIRE_INTEROP=1): apt-get install -y podman runc");
        }
        assumeTrue(available, "podman is not installed (apt-get install -y podman runc); skipping");
    }

    /** Loads the image tar the build wrote; returns the image name to run. */
    static String load(Path tar, String name) throws IOException, InterruptedException {
        if (!Files.isRegularFile(tar)) {
            fail(tar + " is missing: the image is built in the package phase (profile 'image', on by default on"
                    + " Linux); run ./mvnw verify -pl github-action -am");
        }
        List<String> cmd = new ArrayList<>(List.of("podman", "load", "-q", "-i", tar.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) fail("podman load failed: " + out);
        return name;
    }
}
