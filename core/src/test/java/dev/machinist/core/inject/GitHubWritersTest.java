package dev.machinist.core.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.mask.WeakPatternPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubWritersTest {
    static final String PEM = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
            + "QyNTUxOQAAACDk5Pn0tnDNzVnvWuy7bA5L0xGdI5lXxUjtZ+jfXJnzfQAAAJg3sbdwN7G3\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";
    static final String JSON =
            "{\n  \"type\": \"service_account\",\n  \"private_key\": \"-----BEGIN KEY-----\\nabc\\n\",\n"
                    + "  \"quote\": \"a \\\"b\\\" c\", \"unicode\": \"日本 😀\"\n}";
    static final List<String> VALUES = List.of(
            PEM,
            JSON,
            "",
            "single line",
            "trailing newline\n",
            "\n",
            "\n\nleading blank lines",
            "crlf\r\nline",
            "a=b<<c",
            "%25 %0A literal escapes",
            "  spaced  ",
            "EOF\nEOF");

    @TempDir
    Path dir;

    @Test
    void valuesRoundTripByteForByteThroughTheRunnersParser() throws IOException {
        GitHubFileCommands commands = GitHubFileCommands.create();
        Path env = dir.resolve("set_env");
        Path output = dir.resolve("set_output");
        for (int i = 0; i < VALUES.size(); i++) {
            commands.appendEnv(env, "VAR_" + i, Secret.of("v" + i, VALUES.get(i)));
            commands.appendOutput(output, "out_" + i, Secret.of("v" + i, VALUES.get(i)));
        }
        Map<String, String> parsedEnv = RunnerFileCommandParser.parse(Files.readString(env));
        Map<String, String> parsedOutput = RunnerFileCommandParser.parse(Files.readString(output));
        for (int i = 0; i < VALUES.size(); i++) {
            assertThat(parsedEnv.get("VAR_" + i)).as("env %d", i).isEqualTo(VALUES.get(i));
            assertThat(parsedOutput.get("out_" + i)).as("output %d", i).isEqualTo(VALUES.get(i));
        }
    }

    @Test
    void randomValuesRoundTrip() throws IOException {
        Random random = new Random(7);
        GitHubFileCommands commands = GitHubFileCommands.create();
        Path env = dir.resolve("random_env");
        String alphabet = "ab\n\r=<<%\"'\\ é😀-";
        String[] values = new String[500];
        for (int i = 0; i < values.length; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                int cp = alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length()))));
                sb.appendCodePoint(cp);
            }
            values[i] = sb.toString();
            commands.appendEnv(env, "V" + i, Secret.of("V" + i, values[i]));
        }
        Map<String, String> parsed = RunnerFileCommandParser.parse(Files.readString(env));
        for (int i = 0; i < values.length; i++) {
            assertThat(parsed.get("V" + i)).isEqualTo(values[i]);
        }
    }

    @Test
    void aValueOrNameContainingTheDelimiterIsRefused() {
        GitHubFileCommands fixed = GitHubFileCommands.withDelimiters(() -> "ghadelimiter_fixed");
        assertThatThrownBy(() -> fixed.block("X", Secret.of("EVIL", "a\nghadelimiter_fixed\nINJECTED=1")))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.REFUSED))
                .hasMessageContaining("EVIL")
                .hasMessageNotContaining("INJECTED");
        assertThatThrownBy(() -> fixed.block("ghadelimiter_fixed", Secret.of("S", "v")))
                .isInstanceOf(MachinistException.class);
        assertThatThrownBy(() -> fixed.block("A=B", Secret.of("S", "v"))).isInstanceOf(MachinistException.class);
        assertThatThrownBy(() -> fixed.block("A\nB", Secret.of("S", "v"))).isInstanceOf(MachinistException.class);
        assertThatThrownBy(() -> fixed.block("", Secret.of("S", "v"))).isInstanceOf(MachinistException.class);
    }

    @Test
    void nodeOptionsIsRefusedInGithubEnvLikeTheRunnerDoes() {
        assertThatThrownBy(() -> GitHubFileCommands.create()
                        .appendEnv(dir.resolve("env"), "node_options", Secret.of("N", "--require ./evil.js")))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.REFUSED))
                .hasMessageContaining("NODE_OPTIONS")
                .hasMessageNotContaining("evil");
        assertThat(dir.resolve("env")).doesNotExist();
    }

    @Test
    void addMaskEscapesLikeTheToolkitForTheWholeValueAndEachLine() {
        String commands = AddMask.commands(Secret.of("KEY", "100%\r\nline-two-x\n{\n"), WeakPatternPolicy.defaults());
        assertThat(commands)
                .isEqualTo("::add-mask::100%25%0D%0Aline-two-x%0A{%0A\n::add-mask::100%25\n::add-mask::line-two-x\n");
        assertThat(AddMask.commands(Secret.of("PIN", "1234"), WeakPatternPolicy.defaults()))
                .isEmpty();
        assertThat(AddMask.commands(Secret.of("PEM", PEM), WeakPatternPolicy.defaults())
                        .lines())
                .hasSize(5)
                .allMatch(l -> l.startsWith("::add-mask::") && !l.substring(12).contains("\n"));
    }

    /** Interop: the toolkit's own output for the same values; our blocks parse identically, our escaping matches. */
    @Test
    void matchesTheToolkitsOutput() throws Exception {
        Path nodeModules = Interop.requireNodeModule("@actions/core");
        // Surefire runs in the module directory.
        Path script = Path.of("src/test/node/toolkit-commands.js").toAbsolutePath();
        for (String value : List.of(PEM, JSON, "100% sure\r\nsecond")) {
            Path env = Files.createTempFile(dir, "env", "");
            Path out = Files.createTempFile(dir, "out", "");
            ProcessBuilder pb = new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
            pb.environment().put("NODE_PATH", nodeModules.toString());
            pb.environment().put("GITHUB_ENV", env.toString());
            pb.environment().put("GITHUB_OUTPUT", out.toString());
            pb.environment()
                    .put("VALUE_B64", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
            Process node = pb.start();
            String stdout = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).as(stdout).isZero();

            GitHubFileCommands ours = GitHubFileCommands.create();
            ours.appendEnv(env, "OURS", Secret.of("v", value));
            Map<String, String> parsed = RunnerFileCommandParser.parse(Files.readString(env));
            assertThat(parsed.get("OURS")).isEqualTo(parsed.get("FROM_TOOLKIT")).isEqualTo(value);
            String toolkitMask = stdout.lines()
                    .filter(l -> l.startsWith("::add-mask::"))
                    .findFirst()
                    .orElseThrow();
            assertThat(AddMask.commands(Secret.of("v", value), WeakPatternPolicy.defaults())
                            .lines()
                            .findFirst())
                    .contains(toolkitMask);
        }
    }
}
