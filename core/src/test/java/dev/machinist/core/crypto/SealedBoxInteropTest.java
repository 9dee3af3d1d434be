package dev.machinist.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.core.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real libsodium (PyNaCl, Debian's python3-nacl for /usr/bin/python3) opens what Machinist sealed. Skipped
 * when PyNaCl is missing, unless MACHINIST_REQUIRE_INTEROP=1 (CI), where a missing tool fails the build.
 */
class SealedBoxInteropTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Path script;

    @BeforeAll
    static void requirePyNaCl() throws Exception {
        boolean available =
                Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import nacl.public"), "").exit == 0;
        if (!available) {
            String message = "PyNaCl not found for /usr/bin/python3 (apt-get install -y python3-nacl)";
            if ("1".equals(System.getenv("MACHINIST_REQUIRE_INTEROP"))) throw new AssertionError(message);
            Assumptions.abort(message);
        }
        script = Files.createTempFile("pynacl_sealed_box", ".py");
        try (var in = SealedBoxInteropTest.class.getResourceAsStream("/interop/pynacl_sealed_box.py")) {
            Files.write(script, in.readAllBytes());
        }
    }

    @Test
    void pyNaclOpensWhatMachinistSealed() throws Exception {
        String[] keys = keypair();
        String value = "bw-access-token.0.ünïcode/+=~:@" + "x".repeat(500);

        String sealed = SealedBox.sealBase64(keys[0], Secret.of("t", value));

        Result opened = run(List.of(PYTHON.toString(), script.toString(), "open"), keys[1] + "\n" + sealed + "\n");
        assertThat(opened.exit).isZero();
        assertThat(opened.stdout).isEqualTo(value);
    }

    @Test
    void pyNaclRejectsATamperedBox() throws Exception {
        String[] keys = keypair();
        byte[] box = Base64.getDecoder().decode(SealedBox.sealBase64(keys[0], Secret.of("t", "some-token-value")));
        box[box.length - 1] ^= 1;

        Result opened = run(
                List.of(PYTHON.toString(), script.toString(), "open"),
                keys[1] + "\n" + Base64.getEncoder().encodeToString(box) + "\n");
        assertThat(opened.exit).isNotZero();
        assertThat(opened.stdout).isEmpty();
    }

    private static String[] keypair() throws Exception {
        Result r = run(List.of(PYTHON.toString(), script.toString(), "keypair"), "");
        assertThat(r.exit).isZero();
        return r.stdout.strip().split("\n");
    }

    private record Result(int exit, String stdout) {}

    private static Result run(List<String> command, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python timed out");
        }
        return new Result(p.exitValue(), out);
    }
}
