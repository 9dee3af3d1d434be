package dev.machinist.core.inject;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds interop tools (node and the repo-root interop/node_modules). Missing tools skip the test, unless
 * MACHINIST_REQUIRE_INTEROP=1 (CI), where they fail it.
 */
final class Interop {
    private Interop() {}

    /** The node_modules directory holding {@code module}, searched upwards from here, then in NODE_PATH. */
    static Path requireNodeModule(String module) {
        List<Path> candidates = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("interop/node_modules"));
        }
        String nodePath = System.getenv("NODE_PATH");
        if (nodePath != null) {
            for (String entry : nodePath.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    candidates.add(Path.of(entry));
                }
            }
        }
        Optional<Path> found = candidates.stream()
                .filter(p -> Files.isDirectory(p.resolve(module)))
                .findFirst();
        boolean node = Files.isExecutable(Path.of("/usr/bin/node")) || onPath("node");
        if (found.isEmpty() || !node) {
            String why = "interop tool missing: node and interop/node_modules/" + module
                    + " (run `npm ci --ignore-scripts` in interop/)";
            if ("1".equals(System.getenv("MACHINIST_REQUIRE_INTEROP"))) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        return found.get();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
