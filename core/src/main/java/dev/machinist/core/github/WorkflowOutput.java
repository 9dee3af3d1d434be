package dev.machinist.core.github;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.inject.AddMask;
import dev.machinist.core.inject.GitHubFileCommands;
import dev.machinist.core.mask.WeakPatternPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Everything the action tells the runner: workflow commands on stdout ({@code ::add-mask::}, annotations)
 * and the file commands (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY). {@code ::add-mask::} and the
 * GITHUB_ENV/GITHUB_OUTPUT blocks are the core's writers ({@link AddMask}, {@link GitHubFileCommands});
 * this class adds where they go. Each stdout line is flushed at once so that a mask reaches the runner
 * before any line that could contain the value.
 */
final class WorkflowOutput {
    private final PrintStream stdout;
    private final Map<String, String> env;
    private final GitHubFileCommands files = GitHubFileCommands.create();

    WorkflowOutput(PrintStream stdout, Map<String, String> env) {
        this.stdout = stdout;
        this.env = env;
    }

    /** The {@code ::add-mask::} lines for a value and its lines, printed and flushed at once. */
    void addMask(Secret secret, WeakPatternPolicy policy) {
        stdout.print(AddMask.commands(secret, policy));
        stdout.flush();
    }

    void exportVariable(String name, Secret value) {
        files.appendEnv(file("GITHUB_ENV", "or set export-env: false to use step outputs only"), name, value);
    }

    void setOutput(String name, Secret value) {
        files.appendOutput(file("GITHUB_OUTPUT", "does this runner support file commands?"), name, value);
    }

    private Path file(String variable, String hint) {
        String path = env.get(variable);
        if (path == null || path.isBlank()) {
            throw new MachinistException(
                    ErrorKind.USAGE,
                    variable + " is not set: this command runs as a GitHub Actions step (" + hint + ").");
        }
        return Path.of(path);
    }

    void appendSummary(String markdown) {
        String file = env.get("GITHUB_STEP_SUMMARY");
        if (file == null || file.isBlank()) return; // outside a runner there is no summary to write
        try {
            Files.writeString(
                    Path.of(file),
                    markdown,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new MachinistException(
                    ErrorKind.INTERNAL,
                    "Cannot append to GITHUB_STEP_SUMMARY (" + file + "): "
                            + e.getClass().getSimpleName() + ".");
        }
    }

    void error(String message) {
        command("error title=Machinist", message);
    }

    void warning(String message) {
        command("warning title=Machinist", message);
    }

    void info(String line) {
        // A line starting with "::" would be read as a command; plain log lines never do.
        stdout.println(line.startsWith("::") ? " " + line : line);
        stdout.flush();
    }

    void flush() {
        stdout.flush();
    }

    private void command(String command, String message) {
        stdout.println("::" + command + "::" + escapeData(message));
        stdout.flush();
    }

    /** The toolkit's escapeData: the runner unescapes %0D, %0A, then %25. */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }
}
