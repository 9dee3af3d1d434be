package dev.machinist.simulator.platform;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Node and an npm package for an interop test: {@code interop/node_modules} at the repository root
 * (searched upwards from the working directory), else any directory on NODE_PATH. A missing tool skips the
 * test, unless MACHINIST_REQUIRE_INTEROP=1 (CI), where it fails it.
 */
final class InteropNode {
    private InteropNode() {}

    /** The node_modules directory holding {@code packagePath}, e.g. "@lando/platformsh". */
    static Path nodeModulesWith(String packagePath) {
        List<Path> candidates = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("interop").resolve("node_modules"));
        }
        String nodePath = System.getenv("NODE_PATH");
        if (nodePath != null) {
            for (String entry : nodePath.split(File.pathSeparator)) {
                if (!entry.isBlank()) candidates.add(Path.of(entry));
            }
        }
        Optional<Path> found = candidates.stream()
                .filter(c -> Files.isDirectory(c.resolve(packagePath)))
                .findFirst();
        if (found.isEmpty()) missing("npm package " + packagePath + " (run `npm ci --ignore-scripts` in interop/)");
        return found.get();
    }

    static String node() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "node");
                if (Files.isExecutable(candidate)) return candidate.toString();
            }
        }
        missing("node on PATH");
        return null;
    }

    private static void missing(String what) {
        if ("1".equals(System.getenv("MACHINIST_REQUIRE_INTEROP"))) {
            fail("Interop tool missing and MACHINIST_REQUIRE_INTEROP=1: " + what);
        }
        Assumptions.abort("Interop tool missing, test skipped: " + what);
    }
}
