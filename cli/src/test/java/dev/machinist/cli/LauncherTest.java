package dev.machinist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./machinist} launcher and its AppCDS archive, run for real on a stand-in CLI jar
 * (a {@code dev.machinist.cli.Main} that prints what it was given), so that no Maven build is needed.
 */
class LauncherTest {
    private static final String STAND_IN = """
            package dev.machinist.cli;
            public final class Main {
                public static void main(String[] args) throws Exception {
                    if (args.length > 1 && args[1].equals("--debug")) {
                        // The training run: record the environment it was given.
                        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("user.dir"), "training-env"),
                                String.join("\\n", new java.util.TreeMap<>(System.getenv()).keySet()));
                    }
                    System.out.println("main " + String.join(" ", args));
                }
            }
            """;

    @TempDir
    Path repo;

    private Path jar;
    private Path jsa;

    @BeforeEach
    void standInRepository() throws IOException {
        Path launcher = repo.resolve("machinist");
        Files.copy(Path.of("..", "machinist").toAbsolutePath().normalize(), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path target = Files.createDirectories(repo.resolve("cli/target"));
        jar = target.resolve("machinist.jar");
        jsa = target.resolve("machinist.jsa");
        writeStandInJar(jar);
    }

    @Test
    void archiveIsTrainedWithoutTheCallersEnvironmentAndNothingReachesStdout() throws Exception {
        Result first = launch(Map.of("BWS_ACCESS_TOKEN", "0.caller-token-must-not-reach-training"), "run", "x");
        assertThat(first.stdout).isEqualTo("main run x\n");
        assertThat(jsa).isNotEmptyFile();
        List<String> trainingEnv = Files.readAllLines(repo.resolve("training-env"));
        assertThat(trainingEnv).doesNotContain("BWS_ACCESS_TOKEN").contains("PATH");
        assertThat(Files.readString(jsa, StandardCharsets.ISO_8859_1))
                .doesNotContain("caller-token-must-not-reach-training");

        FileTime trained = Files.getLastModifiedTime(jsa);
        Result second = launch(Map.of(), "--version");
        assertThat(second.stdout).isEqualTo("main --version\n");
        assertThat(Files.getLastModifiedTime(jsa))
                .as("a fresh archive is reused")
                .isEqualTo(trained);
    }

    @Test
    void aNewJarGetsANewArchive() throws Exception {
        launch(Map.of(), "run");
        writeStandInJar(jar);
        FileTime jarTime = Files.getLastModifiedTime(jar);
        Files.setLastModifiedTime(jsa, FileTime.fromMillis(jarTime.toMillis() - 10_000));
        assertThat(launch(Map.of(), "run", "y").stdout).isEqualTo("main run y\n");
        assertThat(Files.getLastModifiedTime(jsa).toMillis()).isGreaterThanOrEqualTo(jarTime.toMillis());
    }

    @Test
    void anArchiveThatDoesNotFitIsSkippedWithoutAWordOnStdout() throws Exception {
        launch(Map.of(), "run");
        FileTime trained = Files.getLastModifiedTime(jsa);
        writeStandInJar(jar); // a different jar: the JVM refuses the archive (it records size and time)
        Files.setLastModifiedTime(jar, FileTime.fromMillis(trained.toMillis() - 10_000));
        assertThat(launch(Map.of(), "secrets", "get", "X").stdout).isEqualTo("main secrets get X\n");
        assertThat(Files.getLastModifiedTime(jsa))
                .as("not retrained: it looked fresh")
                .isEqualTo(trained);
    }

    @Test
    void whenDumpingFailsTheCliStillRunsAndDoesNotRetryEveryTime() throws Exception {
        Path bin = Files.createDirectories(repo.resolve("fake-bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                for a in "$@"; do case "$a" in -XX:ArchiveClassesAtExit=*) echo dump >> "%s"; exit 1;; esac; done
                exec "%s" "$@"
                """.formatted(
                        repo.resolve("dump-attempts"), Path.of(System.getProperty("java.home"), "bin", "java")));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"));
        assertThat(launch(env, "run", "a").stdout).isEqualTo("main run a\n");
        assertThat(launch(env, "run", "b").stdout).isEqualTo("main run b\n");
        assertThat(jsa).doesNotExist();
        assertThat(Files.readAllLines(repo.resolve("dump-attempts"))).hasSize(1);
    }

    @Test
    void cdsCanBeTurnedOff() throws Exception {
        assertThat(launch(Map.of("MACHINIST_CDS", "0"), "run").stdout).isEqualTo("main run\n");
        assertThat(jsa).doesNotExist();
    }

    private record Result(String stdout) {}

    private Result launch(Map<String, String> extraEnv, String... args) throws Exception {
        List<String> command =
                new java.util.ArrayList<>(List.of(repo.resolve("machinist").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        env.remove("MACHINIST_JAVA_OPTS");
        env.remove("MACHINIST_CDS");
        env.putAll(new HashMap<>(extraEnv));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return new Result(out);
    }

    private static void writeStandInJar(Path jar) throws IOException {
        Path src = Files.createTempDirectory("stand-in");
        Path file = Files.createDirectories(src.resolve("dev/machinist/cli")).resolve("Main.java");
        Files.writeString(file, STAND_IN);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(), file.toString());
        assertThat(rc).isZero();
        try (OutputStream os = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(os)) {
            out.putNextEntry(new JarEntry("dev/machinist/cli/Main.class"));
            out.write(Files.readAllBytes(src.resolve("dev/machinist/cli/Main.class")));
            out.closeEntry();
        }
    }
}
