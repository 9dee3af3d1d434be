package dev.machinist.core.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.mask.Masker;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes: a leaky sh script, exit codes, signals, stdin, promptness. */
class ChildProcessTest {
    private static final String SECRET = "p@ss w0rd/\"q\" & 'x' $HOME";
    private static final String MULTILINE =
            "-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf\n-----END KEY-----";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aLeakyChildPrintsNothingSecretInAnyEncodingOnEitherStream() throws Exception {
        Masker masker = Masker.builder().build();
        Secret secret = Secret.of("SECRET", SECRET);
        Secret multi = Secret.of("MULTILINE", MULTILINE);
        masker.add(secret);
        masker.add(multi);
        int code = ChildProcess.command(List.of("sh", script("leaky-child.sh")))
                .masker(masker)
                .secret("SECRET", secret)
                .secret("MULTILINE", multi)
                .variable("EXIT_CODE", "3")
                .stdout(out)
                .stderr(err)
                .build()
                .run();

        assertThat(code).isEqualTo(3);
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stdout).contains("char by char: ***\n", "progress 50%\rprogress 100%\n", "hex: ***\n");
        assertThat(stderr).isEqualTo("stderr: ***\n");
        byte[] utf8 = SECRET.getBytes(StandardCharsets.UTF_8);
        String joined = stdout.replace("\n", "");
        for (String form : List.of(
                SECRET,
                Base64.getEncoder().encodeToString(utf8).substring(0, 32),
                Base64.getEncoder()
                        .encodeToString(("x".repeat(61) + SECRET).getBytes(StandardCharsets.UTF_8))
                        .substring(84, 112),
                HexFormat.of().formatHex(utf8),
                "p%40ss%20w0rd",
                "p@ss w0rd/\\\"q\\\"",
                "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf")) {
            assertThat(joined).as(form).doesNotContain(form);
        }
        assertThat(stdout).doesNotContain("w0rd");
    }

    @Test
    void outputWaitsForTheSecretsRegisteredWhileTheChildStarts() {
        Masker masker = Masker.builder().build();
        Secret secret = Secret.of("SECRET", "registered-while-starting-42");
        int code = ChildProcess.command(List.of("sh", "-c", "echo \"$SECRET\"; echo \"$SECRET\" >&2"))
                .masker(masker)
                .secret("SECRET", secret)
                .beforeOutput(() -> {
                    sleep(700); // the child has long printed the secret by now; it must wait in the pipe
                    masker.add(secret);
                })
                .stdout(out)
                .stderr(err)
                .build()
                .run();
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("***\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("***\n");
    }

    @Test
    void aFailedPreparationKillsTheChildAndPassesNothingOn() {
        Masker masker = Masker.builder().build();
        long started = System.nanoTime();
        assertThatThrownBy(() -> ChildProcess.command(List.of("sh", "-c", "echo unmasked-output; sleep 30"))
                        .masker(masker)
                        .beforeOutput(() -> {
                            throw new IllegalStateException("no masker today");
                        })
                        .stdout(out)
                        .stderr(err)
                        .build()
                        .run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no masker today");
        assertThat(out.size() + err.size()).isZero();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))
                .as("did not wait for the child")
                .isLessThan(20);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void partialLinesReachTheParentWhileTheChildIsStillRunning() throws Exception {
        Masker masker = Masker.builder().build();
        masker.add(Secret.of("T", "never-printed-token"));
        Thread runner = new Thread(() -> ChildProcess.command(List.of("sh", "-c", "printf 'Downloading 42%%'; sleep 3"))
                .masker(masker)
                .stdout(out)
                .stderr(err)
                .build()
                .run());
        runner.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!out.toString(StandardCharsets.UTF_8).equals("Downloading 42%") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Downloading 42%");
        assertThat(runner.isAlive()).isTrue();
        runner.join();
    }

    @Test
    void theExitCodeIs128PlusTheSignalThatKilledTheChild() {
        assertThat(run("sh", "-c", "kill -TERM $$")).isEqualTo(143);
        assertThat(run("sh", "-c", "kill -KILL $$")).isEqualTo(137);
        assertThat(run("sh", "-c", "exit 7")).isEqualTo(7);
    }

    @Test
    void aMissingCommandIs127AndANonExecutableOneIs126(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> run("no-such-command-xyz"))
                .isInstanceOfSatisfying(CommandNotRunnableException.class, e -> assertThat(e.exitCode())
                        .isEqualTo(127))
                .hasMessage("Command not found: no-such-command-xyz (check the name and the PATH of the job).");
        Path file = Files.writeString(dir.resolve("not-executable.sh"), "echo hi\n");
        assertThatThrownBy(() -> run(file.toString()))
                .isInstanceOfSatisfying(CommandNotRunnableException.class, e -> assertThat(e.exitCode())
                        .isEqualTo(126))
                .hasMessageContaining("not executable");
        assertThatThrownBy(() -> ChildProcess.command(List.of()))
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining("No command to run");
    }

    @Test
    void theEnvironmentIsInheritedMinusRemovedVariablesPlusSecrets() {
        Masker masker = Masker.builder().build();
        int code = ChildProcess.command(List.of("sh", "-c", "echo \"[$KEEP][$BOT_TOKEN][${#INJECTED}]\""))
                .inheritFrom(
                        java.util.Map.of("KEEP", "kept", "BOT_TOKEN", "bot-token-value", "PATH", System.getenv("PATH")))
                .remove("BOT_TOKEN")
                .secret("INJECTED", Secret.of("INJECTED", "twelve-chars"))
                .masker(masker)
                .stdout(out)
                .stderr(err)
                .build()
                .run();
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[kept][][12]\n");
    }

    @Test
    void aBackgroundProcessHoldingTheOutputOpenDoesNotHangTheRun() {
        long start = System.nanoTime();
        assertThat(run("sh", "-c", "sleep 8 & echo started")).isZero();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("started\n");
    }

    @Test
    void stdinIsPassedThroughAndItsEndIsSeen() {
        Masker masker = Masker.builder().build();
        masker.add(Secret.of("T", "typed-secret-value"));
        int code = ChildProcess.command(List.of("cat"))
                .masker(masker)
                .stdin(new ByteArrayInputStream("line one\ntyped-secret-value\n".getBytes(StandardCharsets.UTF_8)))
                .stdout(out)
                .stderr(err)
                .build()
                .run();
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("line one\n***\n");
    }

    @Test
    void sigtermAndSigintSentToTheRunnerAreForwardedToTheChild() throws Exception {
        assertForwarded("TERM", "trap 'echo got-TERM; exit 42' TERM", 42);
        assertForwarded("INT", "trap 'echo got-INT; exit 43' INT", 43);
    }

    private void assertForwarded(String signal, String trap, int expectedCode) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process runner = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        RunnerMain.class.getName(),
                        "sh",
                        "-c",
                        trap + "; echo ready $SECRET; while :; do sleep 0.05; done")
                .redirectErrorStream(true)
                .start();
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).isEqualTo("ready ***");
        new ProcessBuilder("kill", "-s", signal, Long.toString(runner.pid()))
                .start()
                .waitFor();
        boolean exited = runner.waitFor(15, TimeUnit.SECONDS);
        if (!exited) {
            runner.descendants().forEach(ProcessHandle::destroyForcibly);
            runner.destroyForcibly();
        }
        assertThat(exited).as("runner exited after SIG" + signal).isTrue();
        List<String> rest = new ArrayList<>();
        for (String line; (line = reader.readLine()) != null; ) {
            rest.add(line);
        }
        assertThat(rest).containsExactly("got-" + signal);
        assertThat(runner.exitValue()).isEqualTo(expectedCode);
    }

    private int run(String... argv) {
        return ChildProcess.command(List.of(argv))
                .masker(Masker.builder().build())
                .stdout(out)
                .stderr(err)
                .build()
                .run();
    }

    private static String script(String name) throws URISyntaxException {
        return Paths.get(ChildProcessTest.class.getResource("/inject/" + name).toURI())
                .toString();
    }
}
