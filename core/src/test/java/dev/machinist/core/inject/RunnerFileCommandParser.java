package dev.machinist.core.inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GitHub runner's parser for GITHUB_ENV / GITHUB_OUTPUT (EnvFileKeyValuePairs, protocols.md §4), written
 * from its rules: skip empty lines; if '=' comes before '<<' the line is NAME=VALUE; otherwise NAME<<DELIM and
 * value lines up to a line equal to DELIM; the value excludes the newline before the delimiter.
 */
final class RunnerFileCommandParser {
    private RunnerFileCommandParser() {}

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        if (!text.endsWith("\n") && !text.isEmpty()) {
            throw new IllegalStateException("EOF marker missing new line");
        }
        int i = 0;
        while (i < lines.length) {
            String line = lines[i++];
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            int heredoc = line.indexOf("<<");
            if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
                continue;
            }
            String name = line.substring(0, heredoc);
            String delimiter = line.substring(heredoc + 2);
            if (name.isEmpty() || delimiter.isEmpty()) {
                throw new IllegalStateException("Invalid format");
            }
            StringBuilder value = new StringBuilder();
            boolean found = false;
            boolean first = true;
            while (i < lines.length - 1) {
                String v = lines[i++];
                if (v.equals(delimiter)) {
                    found = true;
                    break;
                }
                if (!first) {
                    value.append('\n');
                }
                value.append(v);
                first = false;
            }
            if (!found) {
                throw new IllegalStateException("Matching delimiter not found '" + delimiter + "'");
            }
            values.put(name, value.toString());
        }
        return values;
    }
}
