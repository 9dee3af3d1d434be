package dev.machinist.simulator.bitwarden;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds node and the repository's interop/node_modules (or MACHINIST_INTEROP_NODE_MODULES), and runs a
 * script with them. A missing tool skips the test, unless MACHINIST_REQUIRE_INTEROP=1 (CI) makes it a failure.
 */
final class NodeInterop {
    record Run(int exitCode, String output) {}

    private NodeInterop() {}

    /** The node_modules folder holding {@code module}, or a skip/failure saying what is missing. */
    static Path requireModule(String module) {
        String override = System.getenv("MACHINIST_INTEROP_NODE_MODULES");
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            if (Files.isDirectory(p.resolve(module))) return p;
            missing(module + " not found under MACHINIST_INTEROP_NODE_MODULES=" + override);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path modules = dir.resolve("interop").resolve("node_modules");
            if (Files.isDirectory(modules.resolve(module))) return modules;
        }
        missing(module + " is not installed: run `npm ci --ignore-scripts` in the repository's interop/ folder");
        return null;
    }

    static void requireNode() {
        try {
            Process p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) return;
        } catch (IOException e) {
            // fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        missing("node is not on PATH");
    }

    /** A test resource under src/test/node of this module. */
    static Path script(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {
                dir.resolve("src/test/node").resolve(name),
                dir.resolve("simulator/src/test/node").resolve(name)
            }) {
                if (Files.isRegularFile(candidate)) return candidate;
            }
        }
        throw new IllegalStateException("test script not found: " + name);
    }

    /** Runs node with {@code env} added to a minimal environment (PATH and NODE_PATH only). */
    static Run run(Path script, Path nodeModules, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME"));
        environment.put("NODE_PATH", nodeModules.toString());
        environment.putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("node did not finish within 120 s");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static void missing(String what) {
        if ("1".equals(System.getenv("MACHINIST_REQUIRE_INTEROP"))) {
            fail("Interop tool missing and MACHINIST_REQUIRE_INTEROP=1: " + what);
        }
        Assumptions.abort("Interop tool missing (set MACHINIST_REQUIRE_INTEROP=1 to fail instead): " + what);
    }
}
