package dev.machinist.cli.store;

import dev.machinist.cli.CliContext;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the value to store comes from: standard input, a file or an environment variable. Never argv: a
 * value on the command line is visible to every process on the machine (ps, /proc) and lands in shell
 * history and CI logs, so {@code --value} exists only to refuse it with directions.
 */
public final class ValueOptions {
    @Option(names = "--value-stdin", description = "Read the value from standard input (one trailing newline dropped).")
    boolean stdin;

    @Option(
            names = "--value-file",
            paramLabel = "FILE",
            description = "Read the value from FILE (one trailing newline dropped).")
    Path file;

    @Option(names = "--value-env", paramLabel = "VAR", description = "Read the value from environment variable VAR.")
    String variable;

    @Option(
            names = "--value",
            paramLabel = "VALUE",
            hidden = true,
            description = "Refused: use --value-stdin, --value-file or --value-env.")
    String argument;

    /** Whether any value source (or a refused argv value) was given. */
    boolean given() {
        return stdin || file != null || variable != null || argument != null;
    }

    /** Reads the value and registers it with the CLI's output guard before anything else happens. */
    Secret read(CliContext context, String name) {
        if (argument != null) {
            throw MachinistException.usage("Refusing a secret value on the command line: it would be visible to other"
                    + " processes (ps, /proc) and in shell history. Use --value-stdin, --value-file FILE or"
                    + " --value-env VAR.");
        }
        int sources = (stdin ? 1 : 0) + (file != null ? 1 : 0) + (variable != null ? 1 : 0);
        if (sources != 1) {
            throw MachinistException.usage("Give exactly one of --value-stdin, --value-file FILE or --value-env VAR.");
        }
        String value;
        if (stdin) {
            try {
                value = dropNewline(new String(context.in().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw MachinistException.usage("Cannot read the value from standard input.");
            }
        } else if (file != null) {
            try {
                value = dropNewline(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw MachinistException.usage("Cannot read the value file " + file + " ("
                        + e.getClass().getSimpleName() + ").");
            }
        } else {
            value = context.env().get(variable);
            if (value == null) throw MachinistException.usage("Environment variable " + variable + " is not set.");
        }
        if (value.isEmpty()) throw MachinistException.usage("The value for " + name + " is empty; nothing stored.");
        Secret secret = Secret.of(name, value);
        context.protect(secret);
        return secret;
    }

    private static String dropNewline(String s) {
        if (s.endsWith("\r\n")) return s.substring(0, s.length() - 2);
        if (s.endsWith("\n")) return s.substring(0, s.length() - 1);
        return s;
    }
}
