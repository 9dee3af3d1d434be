package dev.machinist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The start-up shortcut must read a command line exactly as picocli does, or leave it to picocli. */
class ShortcutTest {
    static Stream<List<String>> taken() {
        return Stream.of(
                List.of("run", "--env-file", "a.env", "--", "true"),
                List.of("run", "--env-file=a.env", "--env-file", "b.env", "--", "sh", "-c", "echo \"$X\""),
                List.of("run", "--env-file", "a.env", "make", "--env-file", "x", "--", "-k"),
                List.of("run", "--mask-env", "A,B_2", "--mask-env=C", "--replacement", "[gone]", "--", "x", "--help"),
                List.of("run", "--min-length", "0", "--replacement=github", "--", "--", "-x"),
                List.of("run", "--min-length=12", "./build.sh"),
                List.of("run", "--env-file", "dir with spaces/x=y.env", "--", "env"),
                List.of("mask", "--env-file", "a.env", "--mask-env", "TOKEN"),
                List.of("mask"));
    }

    static Stream<List<String>> declined() {
        return Stream.of(
                List.of("run", "--vendor", "bitwarden", "--all", "--", "true"),
                List.of("run", "--env-file", "a.env", "--keep-token", "--", "true"),
                List.of("run", "--help"),
                List.of("run", "-h", "--", "true"),
                List.of("run", "--debug", "--env-file", "a.env", "--", "true"),
                List.of("run", "@args.txt"),
                List.of("run", "--env-file", "a.env", "--", "echo", "@args.txt"),
                List.of("run", "--env-file", "a.env", "--"),
                List.of("run", "--env-file"),
                List.of("run", "--env-file="),
                List.of("run", "--env-file", "--", "true"),
                List.of("run", "--min-length", "010", "--", "true"),
                List.of("run", "--min-length", "-1", "--", "true"),
                List.of("run", "--min-length", "9999999999", "--", "true"),
                List.of("run", "--min-length", "x", "--", "true"),
                List.of("run", "--min-length", "4", "--min-length", "5", "--", "true"),
                List.of("run", "--replacement", "a", "--replacement", "b", "--", "true"),
                List.of("run", "--mask-env", "A,,B", "--", "true"),
                List.of("run", "--mask-env", "A B", "--", "true"),
                List.of("run", "-", "true"),
                List.of("run"),
                List.of("mask", "extra"),
                List.of("mask", "--", "extra"),
                List.of("secrets", "list"),
                List.of());
    }

    @ParameterizedTest
    @MethodSource("taken")
    void readsWhatItTakesExactlyAsPicocli(List<String> args) {
        Shortcut shortcut = Shortcut.parse(args.toArray(String[]::new)).orElseThrow();
        CommandLine.ParseResult picocli = picocli(args);
        CommandLine.Model.CommandSpec sub = picocli.subcommand().commandSpec();
        assertThat(sub.name()).isEqualTo(shortcut.command);
        MaskOptions expected = (MaskOptions) sub.mixins().get("masking").userObject();
        assertThat(shortcut.masking.envFiles).isEqualTo(expected.envFiles);
        assertThat(shortcut.masking.maskEnv).isEqualTo(expected.maskEnv);
        assertThat(shortcut.masking.replacement).isEqualTo(expected.replacement);
        assertThat(shortcut.masking.minimumLength).isEqualTo(expected.minimumLength);
        List<String> command = sub.positionalParameters().isEmpty()
                ? List.of()
                : Optional.<List<String>>ofNullable(
                                sub.positionalParameters().get(0).getValue())
                        .orElse(List.of());
        assertThat(shortcut.argv).isEqualTo(command);
    }

    @ParameterizedTest
    @MethodSource("declined")
    void leavesEverythingElseToPicocli(List<String> args) {
        assertThat(Shortcut.parse(args.toArray(String[]::new))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void errorsReadAsOnTheOrdinaryWay(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String missing = dir.resolve("missing.env").toString();
        // --debug changes nothing here but sends the same command line through picocli.
        CliRun shortcut = CliRun.of(Map.of(), "run", "--env-file", missing, "--", "true");
        CliRun ordinary = CliRun.of(Map.of(), "run", "--debug", "--env-file", missing, "--", "true");
        assertThat(shortcut.exitCode()).isEqualTo(ordinary.exitCode()).isEqualTo(2);
        assertThat(shortcut.err()).isEqualTo(ordinary.err()).contains(missing);
        CliRun notFound = CliRun.of(Map.of("PATH", "/usr/bin:/bin"), "run", "--", "no-such-command-xyz");
        assertThat(notFound.exitCode()).isEqualTo(127);
        assertThat(notFound.err()).startsWith("machinist: Command not found: no-such-command-xyz");
    }

    private static CommandLine.ParseResult picocli(List<String> args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), sink, sink, Map.of());
        return MachinistCommand.commandLine(context).parseArgs(args.toArray(String[]::new));
    }
}
