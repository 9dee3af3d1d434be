package dev.machinist.core.inject;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes GitHub Actions file commands ({@code $GITHUB_ENV}, {@code $GITHUB_OUTPUT}) exactly as the toolkit's
 * {@code prepareKeyValueMessage} does: {@code NAME<<ghadelimiter_<uuid>\nVALUE\nDELIMITER\n}, with a fresh
 * random delimiter per value so that no value can end the block early and inject more variables. A name or
 * value containing the delimiter is refused, as the toolkit does. The heredoc form is used for every value,
 * single-line or not, so the runner's parser (which drops only the final newline) returns it byte for byte.
 */
public final class GitHubFileCommands {
    private final Supplier<String> delimiters;

    private GitHubFileCommands(Supplier<String> delimiters) {
        this.delimiters = delimiters;
    }

    public static GitHubFileCommands create() {
        return new GitHubFileCommands(() -> "ghadelimiter_" + UUID.randomUUID());
    }

    /** With chosen delimiters, to test the refusal of a value containing one. */
    static GitHubFileCommands withDelimiters(Supplier<String> delimiters) {
        return new GitHubFileCommands(delimiters);
    }

    /** Appends {@code NAME=value} to the file named by {@code $GITHUB_ENV}; later steps see the variable. */
    public void appendEnv(Path githubEnv, String name, Secret value) {
        if (name.toUpperCase(Locale.ROOT).equals("NODE_OPTIONS")) {
            throw new MachinistException(
                    ErrorKind.REFUSED,
                    "Refusing to set NODE_OPTIONS through GITHUB_ENV: the runner blocks it, since it would let a "
                            + "value run code in every later JavaScript action.");
        }
        append(githubEnv, block(name, value));
    }

    /** Appends a step output to the file named by {@code $GITHUB_OUTPUT}. */
    public void appendOutput(Path githubOutput, String name, Secret value) {
        append(githubOutput, block(name, value));
    }

    String block(String name, Secret value) {
        if (name == null
                || name.isEmpty()
                || name.contains("\n")
                || name.contains("\r")
                || name.contains("=")
                || name.contains("<<")) {
            throw new MachinistException(
                    ErrorKind.REFUSED,
                    "Invalid GitHub variable or output name '" + name
                            + "': it must be non-empty, one line, without '=' or '<<'.");
        }
        String delimiter = delimiters.get();
        String text = value.reveal();
        if (name.contains(delimiter)) {
            throw new MachinistException(
                    ErrorKind.REFUSED, "The name '" + name + "' contains the file-command delimiter; refused.");
        }
        if (text.contains(delimiter)) {
            throw new MachinistException(
                    ErrorKind.REFUSED,
                    "The value of " + value.name() + " contains the file-command delimiter; refused, since it would "
                            + "end the value early and let the rest be read as more variables.");
        }
        return name + "<<" + delimiter + "\n" + text + "\n" + delimiter + "\n";
    }

    private static void append(Path file, String text) {
        try {
            Files.write(
                    file,
                    text.getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new MachinistException(
                    ErrorKind.INTERNAL,
                    "Could not append to the GitHub file command " + file + ": " + e.getMessage(),
                    e);
        }
    }
}
