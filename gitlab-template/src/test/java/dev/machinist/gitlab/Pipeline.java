package dev.machinist.gitlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A user's project in a temporary git repository: the Machinist templates copied in as a vendored copy,
 * a .gitlab-ci.yml, and CI/CD variables in .gitlab-ci-local-variables.yml (0600, never committed, like
 * the project's masked variables on GitLab). {@link #run} runs it with gitlab-ci-local.
 */
final class Pipeline {
    /** Variables of the test's own environment that must not leak into the jobs and change their meaning. */
    private static final List<String> FOREIGN_PREFIXES =
            List.of("MACHINIST_", "BWS_", "TERMINUS_", "PLATFORMSH_", "UPSUN_", "OVHCLOUD_", "CI_", "GITLAB_");

    private final Path dir;

    Pipeline(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        git("init", "-q", "-b", "main");
        git("config", "user.email", "pipeline@machinist.invalid");
        git("config", "user.name", "Pipeline test");
        git("config", "commit.gpgsign", "false");
        // gitlab-ci-local derives CI_PROJECT_PATH and CI_SERVER_FQDN from the origin remote.
        git("remote", "add", "origin", "https://gitlab.example.com/acme/app.git");
        file(".gitignore", ".gitlab-ci-local/\n.gitlab-ci-local-variables.yml\n.home/\n");
    }

    Path dir() {
        return dir;
    }

    /** Copies the component and the classic template as a user vendoring them would. */
    Pipeline withTemplates() throws IOException {
        Path source = Interop.templateDir();
        copy(source.resolve("templates/machinist/template.yml"), "templates/machinist/template.yml");
        copy(source.resolve("Machinist.gitlab-ci.yml"), "Machinist.gitlab-ci.yml");
        return this;
    }

    Pipeline file(String path, String content) throws IOException {
        Path target = dir.resolve(path);
        Files.createDirectories(target.getParent());
        Files.writeString(target, content, StandardCharsets.UTF_8);
        return this;
    }

    /** The project's CI/CD variables, in a file only the owner can read. */
    Pipeline variables(Map<String, String> variables) throws IOException {
        Path file = dir.resolve(".gitlab-ci-local-variables.yml");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        StringBuilder yaml = new StringBuilder();
        for (Map.Entry<String, String> e : variables.entrySet()) {
            yaml.append(e.getKey())
                    .append(": ")
                    .append(Yaml.quote(e.getValue()))
                    .append('\n');
        }
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return this;
    }

    Result run(String... extraArguments) throws IOException, InterruptedException {
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "-m", "pipeline");
        List<String> command = new ArrayList<>(List.of(
                Interop.gitlabCiLocal().toString(), "--home", ".home", "--no-color", "--max-job-name-padding", "0"));
        command.addAll(List.of(extraArguments));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> FOREIGN_PREFIXES.stream().anyMatch(k::startsWith));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // Jobs write under HOME (the Terminus session, SSH keys): keep that inside the test's project.
        env.put("HOME", dir.resolve(".home").toString());
        Process process = pb.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("gitlab-ci-local did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8), jobLogs());
    }

    private Map<String, String> jobLogs() throws IOException {
        Map<String, String> logs = new LinkedHashMap<>();
        Path output = dir.resolve(".gitlab-ci-local/output");
        if (!Files.isDirectory(output)) return logs;
        try (Stream<Path> files = Files.list(output)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.log$", "");
                logs.put(name, Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return logs;
    }

    private void copy(Path source, String target) throws IOException {
        Path to = dir.resolve(target);
        Files.createDirectories(to.getParent());
        Files.copy(source, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private void git(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IOException("git " + String.join(" ", args) + " failed: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** What gitlab-ci-local printed (every job's log lines, prefixed by the job name) and each job's log. */
    record Result(int exitCode, String output, Map<String, String> jobLogs) {
        /** Everything a person could read after the pipeline: the console and the saved job logs. */
        String everything() {
            return output + "\n" + String.join("\n", jobLogs.values());
        }

        String log(String job) {
            String log = jobLogs.get(job);
            if (log == null) throw new AssertionError("No log for job " + job + "; output:\n" + output);
            return log;
        }
    }
}
