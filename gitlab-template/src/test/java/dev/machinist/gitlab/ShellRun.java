package dev.machinist.gitlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a POSIX sh script (as a runner's shell would) with exactly the given environment. */
record ShellRun(int exitCode, String output) {
    static ShellRun run(Path workDir, Map<String, String> env, String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script)
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("script did not finish: " + script);
        }
        return new ShellRun(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
