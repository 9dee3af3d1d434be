package dev.machinist.simulator.pantheon;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds Node and the repository's interop/node_modules, and runs a script with them. A missing tool skips
 * the test, unless MACHINIST_REQUIRE_INTEROP=1 (CI), where it fails: interop checks must not vanish silently.
 */
final class NodeInterop {
    private NodeInterop() {}

    /** The node_modules directory holding {@code packageFile}, or a skip/failure if there is none. */
    static Path requireNodeModules(String packageFile) {
        List<Path> candidates = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("interop").resolve("node_modules"));
        }
        String nodePath = System.getenv("NODE_PATH");
        if (nodePath != null) {
            for (String p : nodePath.split(File.pathSeparator)) if (!p.isBlank()) candidates.add(Path.of(p));
        }
        Optional<Path> found = candidates.stream()
                .filter(c -> Files.isRegularFile(c.resolve(packageFile)))
                .findFirst();
        return found.orElseGet(() -> missing(packageFile + " in interop/node_modules (run npm ci in interop/)"));
    }

    static Path requireNode() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path node = Path.of(dir, "node");
            if (Files.isExecutable(node)) return node;
        }
        return missing("node on PATH");
    }

    /** Runs {@code node script} and returns its stdout; stderr is discarded (it could echo request data). */
    static String run(Path node, Path nodeModules, Path script, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(node.toString(), script.toString()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("NODE_PATH", nodeModules.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("node " + script.getFileName() + " did not finish within 60 s");
        }
        return new String(out, StandardCharsets.UTF_8).trim();
    }

    static Path script(String name) {
        Path p = Path.of("src", "test", "node", name).toAbsolutePath();
        if (!Files.isRegularFile(p))
            p = Path.of("simulator", "src", "test", "node", name).toAbsolutePath();
        return p;
    }

    private static <T> T missing(String what) {
        if ("1".equals(System.getenv("MACHINIST_REQUIRE_INTEROP"))) {
            fail("Interop tool missing and MACHINIST_REQUIRE_INTEROP=1: " + what);
        }
        assumeTrue(false, "Interop tool missing, test skipped: " + what);
        return null;
    }
}
