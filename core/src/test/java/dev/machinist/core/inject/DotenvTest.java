package dev.machinist.core.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotenvTest {
    @TempDir
    Path dir;

    @Test
    void valuesRoundTripThroughOurParserAndThroughSh() throws Exception {
        Map<String, Secret> values = new LinkedHashMap<>();
        for (int i = 0; i < GitHubWritersTest.VALUES.size(); i++) {
            values.put("V" + i, Secret.of("V" + i, GitHubWritersTest.VALUES.get(i)));
        }
        values.put("QUOTES", Secret.of("Q", "it's \"$HOME\" `id` \\n \\ end"));
        values.put("PEM", Secret.of("PEM", GitHubWritersTest.PEM));
        Path file = dir.resolve("secrets.env");
        Dotenv.write(file, values);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        Map<String, Secret> parsed = Dotenv.read(file);
        assertThat(parsed.keySet()).containsExactlyElementsOf(values.keySet());
        for (String name : values.keySet()) {
            assertThat(parsed.get(name).reveal())
                    .as(name)
                    .isEqualTo(values.get(name).reveal());
            assertThat(sourcedBySh(file, name))
                    .as("sh " + name)
                    .isEqualTo(values.get(name).reveal());
        }
    }

    @Test
    void randomValuesRoundTrip() {
        Random random = new Random(11);
        String alphabet = "ab '\"$`\\\n\r#=é😀";
        Map<String, Secret> values = new LinkedHashMap<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                sb.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            values.put("V" + i, Secret.of("V" + i, sb.toString()));
        }
        Map<String, Secret> parsed = Dotenv.parse(Dotenv.format(values), "random");
        values.forEach((k, v) -> assertThat(parsed.get(k).reveal()).as(k).isEqualTo(v.reveal()));
    }

    @Test
    void readsCommonHandWrittenFiles() {
        Map<String, Secret> parsed = Dotenv.parse(
                "# comment\n\nexport A=plain value # note\nB=\"x\\\"y\"\nC='lit\\n'\nD=\n  E = spaced\n", "f.env");
        assertThat(parsed).containsOnlyKeys("A", "B", "C", "D", "E");
        assertThat(parsed.get("A").reveal()).isEqualTo("plain value");
        assertThat(parsed.get("B").reveal()).isEqualTo("x\"y");
        assertThat(parsed.get("C").reveal()).isEqualTo("lit\\n");
        assertThat(parsed.get("D").reveal()).isEmpty();
        assertThat(parsed.get("E").reveal()).isEqualTo("spaced");
    }

    @Test
    void errorsNameTheLineNeverTheValue() {
        assertThatThrownBy(() -> Dotenv.parse("OK=1\nTOKEN='s3cret-unclosed\n", "ci.env"))
                .isInstanceOf(MachinistException.class)
                .hasMessage("ci.env line 2: the single-quoted value is not closed.");
        assertThatThrownBy(() -> Dotenv.parse("1BAD=s3cret\n", "ci.env"))
                .hasMessage("ci.env line 1: '1BAD' is not a valid variable name.");
        assertThatThrownBy(() -> Dotenv.parse("just-a-s3cret-line\n", "ci.env"))
                .hasMessage("ci.env line 1: expected NAME=value.");
        assertThatThrownBy(() -> Dotenv.format(Map.of("BAD-NAME", Secret.of("x", "v"))))
                .hasMessageContaining("BAD-NAME");
    }

    private String sourcedBySh(Path file, String name) throws IOException, InterruptedException {
        Process sh = new ProcessBuilder(
                        "sh",
                        "-c",
                        "set -a; . \"$1\"; printf '%s' \"$(printenv " + name + "; printf x)\"",
                        "sh",
                        file.toString())
                .start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        sh.waitFor();
        // printenv adds a newline, the x protects trailing newlines from $(...): strip both.
        return out.substring(0, out.length() - 2);
    }
}
