package dev.machinist.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** install.sh run by sh as the templates run it: the jar download, its checks, and clear failures. */
class InstallScriptTest {
    private static final Path INSTALL = Interop.templateDir().resolve("install.sh");
    private static Path jar;
    private static FileServer releases;

    @TempDir
    Path home;

    @BeforeAll
    static void publishJar(@TempDir Path dir) throws Exception {
        jar = LauncherJar.write(dir.resolve("machinist.jar"));
        releases = new FileServer(jar, "/machinist.jar");
    }

    @AfterAll
    static void stop() {
        if (releases != null) releases.close();
    }

    @Test
    void downloadsTheJarOnceChecksItsSha256AndPutsMachinistOnPath() throws Exception {
        Interop.onPath("curl");
        Map<String, String> env = env();
        env.put("MACHINIST_JAR_SHA256", sha256(jar));
        int before = releases.downloads();
        String script = ". \"$INSTALL\" && command -v machinist && machinist --version";
        ShellRun first = ShellRun.run(home, env, script);
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output())
                .contains(home.resolve(".machinist/bin/machinist").toString(), "machinist ");
        ShellRun second = ShellRun.run(home, env, script);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(releases.downloads() - before)
                .as("the second job reuses the jar")
                .isEqualTo(1);
    }

    @Test
    void aJarWithAnotherSha256FailsTheJobAndIsNotKept() throws Exception {
        Interop.onPath("curl");
        Map<String, String> env = env();
        env.put("MACHINIST_JAR_SHA256", "0".repeat(64));
        ShellRun run = ShellRun.run(home, env, ". \"$INSTALL\"; echo not reached");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output())
                .contains("has SHA-256 " + sha256(jar) + ", not the expected MACHINIST_JAR_SHA256 " + "0".repeat(64))
                .doesNotContain("not reached");
        try (var files = Files.list(home.resolve(".machinist"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".jar"));
        }
    }

    @Test
    void anUnreachableReleaseFailsWithTheUrl() throws Exception {
        Interop.onPath("curl");
        Map<String, String> env = env();
        String missing = releases.uri("/nothing-here.jar").toString();
        env.put("MACHINIST_JAR_URL", missing);
        ShellRun run = ShellRun.run(home, env, ". \"$INSTALL\"");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("machinist setup: could not download " + missing);
    }

    @Test
    void withoutJavaTheMessageSaysWhatToDo() throws Exception {
        Map<String, String> env = env();
        env.remove("JAVA_HOME");
        env.put("PATH", toolsWithout("java"));
        ShellRun run = ShellRun.run(home, env, ". \"$INSTALL\"");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output())
                .contains("machinist setup: no Java on this runner. Machinist's jar needs Java 17+")
                .contains(".machinist-image");
    }

    @Test
    void anOldJavaIsNamedWithItsVersion() throws Exception {
        for (String version : List.of("1.8.0_392", "11.0.21")) {
            Path javaHome = home.resolve("jdk-" + version);
            executable(
                    javaHome.resolve("bin/java"),
                    "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2023-10-17' >&2\n");
            Map<String, String> env = env();
            env.put("JAVA_HOME", javaHome.toString());
            ShellRun run = ShellRun.run(home, env, ". \"$INSTALL\"");
            assertThat(run.exitCode()).isNotZero();
            String major = version.startsWith("1.") ? "8" : "11";
            assertThat(run.output())
                    .contains("is Java " + major + "; Machinist needs Java 17 or newer (set JAVA_HOME).");
        }
    }

    @Test
    void installNoneNeedsMachinistOnPathAndUnknownModesAreRefused() throws Exception {
        Map<String, String> env = env();
        env.put("MACHINIST_INSTALL", "none");
        ShellRun none = ShellRun.run(home, env, ". \"$INSTALL\"");
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.output()).contains("MACHINIST_INSTALL=none but no machinist is on PATH");
        env.put("MACHINIST_INSTALL", "docker");
        ShellRun bogus = ShellRun.run(home, env, ". \"$INSTALL\"");
        assertThat(bogus.exitCode()).isNotZero();
        assertThat(bogus.output()).contains("MACHINIST_INSTALL is 'docker'; use auto, jar or none.");
    }

    /**
     * In Machinist's image a machinist is already on PATH: nothing is downloaded, and machinist-run hands
     * it the job's settings. The machinist here records its argv, to check the exact words the shell built.
     */
    @Test
    void machinistRunPassesTheSettingsAndTheCommandWordForWord() throws Exception {
        Path imageBin = home.resolve("image-bin");
        Path argv = home.resolve("argv");
        executable(
                imageBin.resolve("machinist"),
                "#!/bin/sh\n[ \"$1\" = --version ] && { echo 'machinist image'; exit 0; }\n"
                        + "for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done > '" + argv + "'\n");
        Map<String, String> env = env();
        env.put("PATH", imageBin + ":" + env.get("PATH"));
        env.put("MACHINIST_VENDOR", "bitwarden");
        env.put("MACHINIST_SECRETS", "\n  id-1 > DB_PASSWORD\n\n*  \nid-2\n");
        env.put("MACHINIST_PROJECT", "p 1");
        env.put("MACHINIST_ALL_SECRETS", "false");
        env.put("MACHINIST_MASK_VARIABLES", "EXTRA_ONE  EXTRA_TWO");
        env.put("MACHINIST_MIN_LENGTH", "6");
        env.put("MACHINIST_MASK_REPLACEMENT", "<hidden>");
        int before = releases.downloads();
        ShellRun run =
                ShellRun.run(home, env, ". \"$INSTALL\" && machinist-run sh -c 'echo \"$1\"' 'two words' '*' \"it's\"");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("machinist: " + imageBin.resolve("machinist"));
        assertThat(releases.downloads()).isEqualTo(before);
        assertThat(Files.readAllLines(argv))
                .containsExactly(
                        "[run]",
                        "[--vendor]",
                        "[bitwarden]",
                        "[--project]",
                        "[p 1]",
                        "[--min-length]",
                        "[6]",
                        "[--secret]",
                        "[  id-1 > DB_PASSWORD]",
                        "[--secret]",
                        "[*  ]",
                        "[--secret]",
                        "[id-2]",
                        "[--mask-env]",
                        "[EXTRA_ONE]",
                        "[--mask-env]",
                        "[EXTRA_TWO]",
                        "[--replacement]",
                        "[<hidden>]",
                        "[--]",
                        "[sh]",
                        "[-c]",
                        "[echo \"$1\"]",
                        "[two words]",
                        "[*]",
                        "[it's]");
    }

    @Test
    void machinistRunWithoutACommandSaysHowToUseIt() throws Exception {
        Path imageBin = home.resolve("image-bin");
        executable(imageBin.resolve("machinist"), "#!/bin/sh\necho 'machinist image'\n");
        Map<String, String> env = env();
        env.put("PATH", imageBin + ":" + env.get("PATH"));
        ShellRun run = ShellRun.run(home, env, ". \"$INSTALL\" >/dev/null && machinist-run");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("machinist-run: give the command to run, e.g. machinist-run ./deploy.sh");
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("CI_PROJECT_DIR", home.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("INSTALL", INSTALL.toString());
        env.put("MACHINIST_JAR_URL", releases.uri("/machinist.jar").toString());
        return env;
    }

    /** A PATH holding only the tools install.sh uses, minus one (e.g. java), so its absence can be tested. */
    private String toolsWithout(String missing) throws IOException {
        Path bin = home.resolve("tools");
        for (String tool : List.of(
                "sed", "head", "cut", "cksum", "mkdir", "rm", "cat", "chmod", "mv", "curl", "sha256sum", "java")) {
            if (tool.equals(missing)) continue;
            var found = Interop.findOnPath(tool);
            if (found.isPresent()) executable(bin.resolve(tool), "#!/bin/sh\nexec '" + found.get() + "' \"$@\"\n");
        }
        Files.createDirectories(bin);
        return bin.toString();
    }

    private static void executable(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
