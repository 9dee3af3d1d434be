package dev.machinist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `run` as a real process: the child gets the CLI's own stdin, not a copy read ahead of it. */
class RunStdinTest {
    @TempDir
    Path dir;

    @Test
    void theChildReadsOurStdinAndLeavesTheRestToTheNextCommand() throws Exception {
        Path env = dir.resolve("s.env");
        Files.writeString(env, "TOKEN=stdin-test-secret-value\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String machinist = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' dev.machinist.cli.Main";
        // sh's `read` takes one line; `cat` after machinist must still get the second. A thread copying our
        // stdin into a pipe would have read both lines before the child asked for one.
        String script = "printf 'first\\nsecond\\n' | { " + machinist + " run --env-file '" + env
                + "' -- sh -c 'read line; echo \"child read $line with $TOKEN\"'; cat; }";
        Process p =
                new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("child read first with ***\nsecond\n");
    }
}
