package dev.machinist.core.inject;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.util.Map;

/** The reading half of {@link Dotenv}: a small cursor over the text, one assignment at a time. */
final class DotenvParser {
    private final String text;
    private final String source;
    private int pos;
    private int line = 1;

    DotenvParser(String text, String source) {
        this.text = text;
        this.source = source;
    }

    Map<String, Secret> parse() {
        Map<String, Secret> values = Dotenv.newMap();
        while (pos < text.length()) {
            skipBlanks();
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                continue;
            }
            if (c == '#') {
                skipToEndOfLine();
                continue;
            }
            if (text.startsWith("export ", pos)) {
                pos += "export ".length();
                skipBlanks();
            }
            int nameStart = pos;
            int startLine = line;
            while (pos < text.length() && text.charAt(pos) != '=' && text.charAt(pos) != '\n') {
                pos++;
            }
            String name = text.substring(nameStart, pos).strip();
            if (pos >= text.length() || text.charAt(pos) != '=') {
                throw error(startLine, "expected NAME=value");
            }
            if (!Dotenv.isValidName(name)) {
                throw error(startLine, "'" + name + "' is not a valid variable name");
            }
            pos++;
            values.put(name, Secret.of(name, value(startLine)));
            skipBlanks();
            if (pos < text.length() && text.charAt(pos) == '#') {
                skipToEndOfLine();
            } else if (pos < text.length() && text.charAt(pos) != '\n') {
                throw error(line, "unexpected text after the value of " + name);
            }
        }
        return values;
    }

    private String value(int startLine) {
        if (pos >= text.length()) {
            return "";
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            int end = text.indexOf('\'', pos + 1);
            if (end < 0) {
                throw error(startLine, "the single-quoted value is not closed");
            }
            String v = text.substring(pos + 1, end);
            countLines(v);
            pos = end + 1;
            return v;
        }
        if (c == '"') {
            return doubleQuoted(startLine);
        }
        int end = text.indexOf('\n', pos);
        end = end < 0 ? text.length() : end;
        String v = text.substring(pos, end);
        int comment = v.indexOf(" #");
        if (comment >= 0) {
            v = v.substring(0, comment);
        }
        pos = end;
        return v.strip();
    }

    private String doubleQuoted(int startLine) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char next = text.charAt(pos);
                if (next == '\\' || next == '"' || next == '$' || next == '`') {
                    sb.append(next);
                    pos++;
                    continue;
                }
            }
            if (c == '\n') {
                line++;
            }
            sb.append(c);
        }
        throw error(startLine, "the double-quoted value is not closed");
    }

    private void countLines(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
    }

    private void skipBlanks() {
        while (pos < text.length()
                && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private void skipToEndOfLine() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private MachinistException error(int atLine, String what) {
        return MachinistException.usage(source + " line " + atLine + ": " + what + ".");
    }
}
