package dev.machinist.core.inject;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and writes dotenv files with POSIX shell quoting, so a file Machinist writes means the same to
 * {@code set -a; . ./file}, to Machinist's own {@code --env-file} and, for values without a single quote,
 * to docker compose, python-dotenv and Node's dotenv.
 *
 * <p>Written form: {@code NAME='value'} when the value has no {@code '} (everything literal, newlines
 * included); otherwise {@code NAME="value"} with {@code \\}, {@code \"}, {@code \$} and {@code \`} escaped
 * and newlines literal. Read form: blank lines and {@code #} comments are skipped, {@code export } is
 * optional; a single-quoted value is literal up to the next {@code '}; a double-quoted value undoes exactly
 * the escapes above (a backslash before anything else stays, as in sh); an unquoted value runs to the end
 * of the line, trimmed, with a {@code " #"} comment removed.
 */
public final class Dotenv {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Dotenv() {}

    public static String format(Map<String, Secret> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((name, secret) -> out.append(line(name, secret)));
        return out.toString();
    }

    static String line(String name, Secret secret) {
        if (!NAME.matcher(name).matches()) {
            throw new MachinistException(
                    ErrorKind.REFUSED,
                    "'" + name + "' is not a valid variable name for a dotenv file (letters, digits and _, "
                            + "not starting with a digit).");
        }
        String value = secret.reveal();
        if (value.indexOf('\0') >= 0) {
            throw new MachinistException(
                    ErrorKind.REFUSED, "Secret " + secret.name() + " contains a NUL character; it cannot be exported.");
        }
        if (value.indexOf('\'') < 0) {
            return name + "='" + value + "'\n";
        }
        StringBuilder sb = new StringBuilder(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"' || c == '$' || c == '`') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append("\"\n").toString();
    }

    /** Writes {@code values} to a new file readable only by the owner. */
    public static void write(Path file, Map<String, Secret> values) {
        try (SecretFileWriter writer = SecretFileWriter.createOwnerOnly(file)) {
            writer.write(format(values).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MachinistException(ErrorKind.INTERNAL, "Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    public static Map<String, Secret> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new MachinistException(
                    ErrorKind.USAGE, "Cannot read the env file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses dotenv text; errors name the source and line, never a value. Values become secrets named by key. */
    public static Map<String, Secret> parse(String text, String source) {
        return new DotenvParser(text, source).parse();
    }

    static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    static Map<String, Secret> newMap() {
        return new LinkedHashMap<>();
    }
}
