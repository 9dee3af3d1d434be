package dev.machinist.simulator.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads GITHUB_ENV / GITHUB_OUTPUT files as the Linux runner does (actions/runner FileCommandManager,
 * SetEnvFileCommand): lines end at LF only (a CR stays in the value); empty lines are skipped;
 * {@code NAME=VALUE} when '=' comes before "<<", otherwise {@code NAME<<DELIMITER} followed by value lines
 * up to a line equal to the delimiter, the value excluding the newline before it. A later assignment
 * wins. Errors carry the runner's own messages. Written independently of Machinist's writers so that
 * tests check those writers against the runner's rules, not against themselves.
 */
public final class FileCommandParser {
    private FileCommandParser() {}

    public static Map<String, String> parse(Path file) throws IOException {
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        int[] index = {0};
        String line = readLine(text, index);
        while (line != null) {
            if (!line.isEmpty()) {
                int equals = line.indexOf('=');
                int heredoc = line.indexOf("<<");
                if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                } else if (heredoc >= 0) {
                    String name = line.substring(0, heredoc);
                    String delimiter = line.substring(heredoc + 2);
                    if (name.isEmpty() || delimiter.isEmpty()) {
                        throw new IllegalArgumentException("Invalid environment variable format '" + line
                                + "'. Environment variable name must not be empty and delimiter must not be empty");
                    }
                    int start = index[0];
                    int end = index[0];
                    String valueLine = readLine(text, index);
                    while (!delimiter.equals(valueLine)) {
                        if (valueLine == null) {
                            throw new IllegalArgumentException(
                                    "Invalid environment variable value. Matching delimiter not found '" + delimiter
                                            + "'");
                        }
                        end = text.charAt(index[0] - 1) == '\n' ? index[0] - 1 : index[0];
                        valueLine = readLine(text, index);
                    }
                    values.put(name, end > start ? text.substring(start, end) : "");
                } else {
                    throw new IllegalArgumentException("Invalid environment variable format '" + line + "'");
                }
            }
            line = readLine(text, index);
        }
        return values;
    }

    /** The next line without its LF, or null at the end; advances {@code index[0]} past the LF. */
    private static String readLine(String text, int[] index) {
        if (index[0] >= text.length()) return null;
        int from = index[0];
        int lf = text.indexOf('\n', from);
        if (lf < 0) {
            index[0] = text.length();
            return text.substring(from);
        }
        index[0] = lf + 1;
        return text.substring(from, lf);
    }
}
