package dev.machinist.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs the image as actions/runner runs a docker action (ContainerActionHandler, DockerCommandManager):
 * workdir /github/workspace; the workspace, file-commands, home and workflow directories mounted from the
 * runner's temp directory; HOME=/github/home; GITHUB_ENV/GITHUB_OUTPUT/GITHUB_STEP_SUMMARY naming fresh
 * files in /github/file_commands; RUNNER_TEMP left as the host path; and every variable passed as a bare
 * {@code -e NAME} with the value in podman's own environment, so no value appears on a command line.
 */
final class DockerActionRun {
    final Path runnerTemp;
    final Path workspace;
    final Path home;
    final Path fileCommands;
    final String suffix = UUID.randomUUID().toString();
    private final Map<String, String> variables = new LinkedHashMap<>();

    DockerActionRun(Path root) throws IOException {
        this.runnerTemp = Files.createDirectories(root.resolve("_temp"));
        this.workspace = Files.createDirectories(root.resolve("workspace"));
        this.home = Files.createDirectories(runnerTemp.resolve("_github_home"));
        this.fileCommands = Files.createDirectories(runnerTemp.resolve("_runner_file_commands"));
        Files.createDirectories(runnerTemp.resolve("_github_workflow"));
        for (String prefix : List.of("set_env_", "set_output_", "step_summary_", "add_path_", "save_state_")) {
            Files.createFile(fileCommands.resolve(prefix + suffix));
        }
        variables.put("HOME", "/github/home");
        variables.put("GITHUB_ENV", "/github/file_commands/set_env_" + suffix);
        variables.put("GITHUB_OUTPUT", "/github/file_commands/set_output_" + suffix);
        variables.put("GITHUB_STEP_SUMMARY", "/github/file_commands/step_summary_" + suffix);
        variables.put("GITHUB_PATH", "/github/file_commands/add_path_" + suffix);
        variables.put("GITHUB_STATE", "/github/file_commands/save_state_" + suffix);
        variables.put("GITHUB_WORKSPACE", "/github/workspace");
        variables.put("GITHUB_ACTIONS", "true");
        variables.put("CI", "true");
        variables.put("RUNNER_TEMP", runnerTemp.toString());
        variables.put("RUNNER_OS", "Linux");
    }

    /** An input as the runner passes it: INPUT_ + upper case, spaces to underscores, hyphens kept. */
    DockerActionRun input(String name, String value) {
        variables.put("INPUT_" + name.replace(' ', '_').toUpperCase(java.util.Locale.ROOT), value);
        return this;
    }

    DockerActionRun env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    Path envFile() {
        return fileCommands.resolve("set_env_" + suffix);
    }

    Path outputFile() {
        return fileCommands.resolve("set_output_" + suffix);
    }

    Path summaryFile() {
        return fileCommands.resolve("step_summary_" + suffix);
    }

    Result run(String image) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Podman.command());
        command.addAll(List.of(
                "run",
                "--rm",
                "--ulimit",
                "nofile=1024:1024",
                "--ulimit",
                "nproc=1024:1024",
                "--network",
                "host",
                "--workdir",
                "/github/workspace",
                "-v",
                home + ":/github/home",
                "-v",
                runnerTemp.resolve("_github_workflow") + ":/github/workflow",
                "-v",
                fileCommands + ":/github/file_commands",
                "-v",
                workspace + ":/github/workspace"));
        for (String name : variables.keySet()) command.addAll(List.of("-e", name));
        command.add(image);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(variables);
        Path stderr = Files.createTempFile(runnerTemp, "stderr", ".txt");
        pb.redirectError(stderr.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the container did not finish in 120 s");
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new Result(p.exitValue(), stdout, Files.readString(stderr), millis);
    }

    record Result(int exitCode, String stdout, String stderr, long millis) {}
}
