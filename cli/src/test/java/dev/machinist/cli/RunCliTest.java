package dev.machinist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import dev.machinist.simulator.bitwarden.BitwardenSimulator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `machinist run` and `machinist mask` with real child processes and the Bitwarden simulator. */
class RunCliTest {
    static SimulatorServer server;
    static BitwardenSimulator bitwarden;
    static Map<String, String> env;
    static final String VALUE = "pa$$ w0rd/with+Ünïcode&'quotes\"";

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = Simulators.startAll(0);
        bitwarden = server.vendor(BitwardenSimulator.class);
        env = SimulatorEnv.with(SimulatorEnv.of(server, "bitwarden"), "PATH", System.getenv("PATH"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void childSeesTheSecretAndTheLogSeesNoFormOfIt() {
        String id = bitwarden.addSecret("RUN_SECRET", VALUE, "");
        // The child prints the value in clear, base64 (wrapped), URL-encoded and hex, split across writes
        // with pauses between them, on stdout and stderr.
        String script = "v=\"$MY_SECRET\"; printf '%s' \"${v%%w0rd*}\"; sleep 0.2; printf '%s\\n' \"w0rd${v#*w0rd}\";"
                + " printf '%s' \"$v\" | base64 >&2; printf '%s' \"$v\" | od -An -tx1 | tr -d ' \\n'; echo;"
                + " printf 'sha=%s\\n' \"$(printf '%s' \"$v\" | sha256sum | cut -c1-64)\"; exit 7";
        CliRun run = CliRun.of(env, "run", "--secret", id + " > MY_SECRET", "--", "sh", "-c", script);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(7);
        String expectedSha = sha256(VALUE);
        assertThat(run.out()).contains("sha=" + expectedSha);
        byte[] utf8 = VALUE.getBytes(StandardCharsets.UTF_8);
        for (String form : new String[] {
            VALUE,
            Base64.getEncoder().encodeToString(utf8),
            HexFormat.of().formatHex(utf8),
            URLEncoder.encode(VALUE, StandardCharsets.UTF_8),
            "w0rd/with+Ünïcode"
        }) {
            assertThat(run.all()).doesNotContain(form);
        }
        assertThat(run.out()).contains("***");
    }

    @Test
    void wholeProjectWithKeysAsNamesAndTheTokenRemoved() {
        String project = bitwarden.projectIds().get(0);
        CliRun run = CliRun.of(
                env,
                "run",
                "--project",
                project,
                "--",
                "sh",
                "-c",
                "echo \"token=${BWS_ACCESS_TOKEN:-unset}\"; test -n \"$DATABASE_URL\" && echo has-db");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("token=unset", "has-db");
        CliRun keep = CliRun.of(
                env,
                "run",
                "--vendor",
                "bitwarden",
                "--keep-token",
                "--",
                "sh",
                "-c",
                "echo \"token=${BWS_ACCESS_TOKEN:+set}\"; echo \"$BWS_ACCESS_TOKEN\"");
        assertThat(keep.out()).startsWith("token=set\n***");
    }

    @Test
    void exitCodesOfTheChild() {
        assertThat(CliRun.of(env, "run", "--env-file", envFile(), "--", "sh", "-c", "exit 42")
                        .exitCode())
                .isEqualTo(42);
        assertThat(CliRun.of(env, "run", "--env-file", envFile(), "--", "sh", "-c", "kill -TERM $$")
                        .exitCode())
                .isEqualTo(143);
        CliRun missing = CliRun.of(env, "run", "--env-file", envFile(), "--", "no-such-command-xyz");
        assertThat(missing.exitCode()).isEqualTo(127);
        assertThat(missing.err()).contains("no-such-command-xyz");
    }

    @Test
    void childArgumentsAreNotMachinistOptions() {
        CliRun run =
                CliRun.of(env, "run", "--env-file", envFile(), "--", "sh", "-c", "echo \"$@\"", "sh", "--help", "-o");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("--help -o\n");
    }

    @Test
    void badTokenFailsBeforeTheCommandRuns() {
        CliRun run = CliRun.of(
                SimulatorEnv.with(env, "BWS_ACCESS_TOKEN", "0.garbage"), "run", "--all", "--", "sh", "-c", "echo ran");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).doesNotContain("ran");
    }

    @Test
    void replacementFollowsTheCiConvention() {
        Map<String, String> gitlab = SimulatorEnv.with(env, "GITLAB_CI", "true");
        CliRun run = CliRun.of(gitlab, "run", "--env-file", envFile(), "--", "sh", "-c", "echo \"$LOCAL_SECRET\"");
        assertThat(run.out()).isEqualTo("[MASKED]\n");
        CliRun jenkins = CliRun.of(
                SimulatorEnv.with(env, "JENKINS_URL", "http://j"),
                "run",
                "--env-file",
                envFile(),
                "--",
                "sh",
                "-c",
                "echo \"$LOCAL_SECRET\"");
        assertThat(jenkins.out()).isEqualTo("****\n");
    }

    @Test
    void maskFilterAndMaskEnv() {
        Map<String, String> withVar = SimulatorEnv.with(env, "EXTRA", "another-secret-value");
        CliRun run = CliRun.withStdin(
                withVar,
                "a local-secret-value-123 b another-secret-value c\n",
                "mask",
                "--env-file",
                envFile(),
                "--mask-env",
                "EXTRA");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("a *** b *** c\n");
        CliRun typo = CliRun.withStdin(withVar, "", "mask", "--mask-env", "EXTRAA");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("--mask-env EXTRAA: no such environment variable");
    }

    @Test
    void weakSecretsAreReportedByNameNeverByValue() throws Exception {
        Path file = dir.resolve("weak.env");
        Files.writeString(file, "WEAK=abc\n");
        CliRun run = CliRun.of(env, "run", "--env-file", file.toString(), "--", "sh", "-c", "echo \"$WEAK\"");
        assertThat(run.err()).contains("WEAK").doesNotContain("abc");
        assertThat(run.out()).isEqualTo("abc\n");
    }

    private String envFile() {
        Path file = dir.resolve("local.env");
        try {
            Files.writeString(file, "LOCAL_SECRET=local-secret-value-123\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
