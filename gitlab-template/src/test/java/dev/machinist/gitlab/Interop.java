package dev.machinist.gitlab;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the tools the end-to-end tests need. A missing tool skips the test, unless
 * MACHINIST_REQUIRE_INTEROP=1 (CI sets it), where a missing tool is a failure: CI must never go green
 * by silently skipping the pipelines.
 */
final class Interop {
    private Interop() {}

    /** The repository root: the first parent of the module directory holding mvnw and interop/. */
    static Path repoRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("interop"))) return p;
        }
        throw new IllegalStateException("No repository root (mvnw + interop/) above " + dir);
    }

    static Path templateDir() {
        return repoRoot().resolve("gitlab-template");
    }

    static Path gitlabCiLocal() {
        Path bin = repoRoot().resolve("interop/node_modules/.bin/gitlab-ci-local");
        require(Files.isExecutable(bin), "gitlab-ci-local is not installed (cd interop && npm ci --ignore-scripts)");
        return bin;
    }

    /** An executable on PATH, e.g. rsync (gitlab-ci-local copies the project with it), git, curl. */
    static Path onPath(String name) {
        Optional<Path> found = findOnPath(name);
        require(found.isPresent(), name + " is not installed (apt-get install -y " + name + ")");
        return found.get();
    }

    static Optional<Path> findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private static void require(boolean present, String what) {
        if (present) return;
        if ("1".equals(System.getenv("MACHINIST_REQUIRE_INTEROP"))) {
            fail(what + ", and MACHINIST_REQUIRE_INTEROP=1 makes a missing interop tool a failure.");
        }
        assumeTrue(false, what + ": skipped (set MACHINIST_REQUIRE_INTEROP=1 to make this a failure).");
    }
}
