package dev.machinist.core.github;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Everything the action tells the runner: workflow commands on stdout ({@code ::add-mask::}, annotations)
 * and the file commands (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY). Each stdout line is flushed at
 * once so that a mask reaches the runner before any line that could contain the value.
 */
final class WorkflowOutput {
    private final PrintStream stdout;
    private final Map<String, String> env;

    WorkflowOutput(PrintStream stdout, Map<String, String> env) {
        this.stdout = stdout;
        this.env = env;
    }

    void addMask(String value) {
        throw new UnsupportedOperationException("core.inject add-mask writer not merged yet");
    }

    void exportVariable(String name, Secret value) {
        throw new UnsupportedOperationException("core.inject GITHUB_ENV writer not merged yet");
    }

    void setOutput(String name, Secret value) {
        throw new UnsupportedOperationException("core.inject GITHUB_OUTPUT writer not merged yet");
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
