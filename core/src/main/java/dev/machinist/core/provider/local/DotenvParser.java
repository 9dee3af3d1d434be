package dev.machinist.core.provider.local;

import dev.machinist.core.MachinistException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads dotenv files: {@code KEY=value}, optional {@code export }, {@code #} comments, single quotes taken
 * literally, double quotes with {@code \n \r \t \" \\ \$} escapes and values spanning lines. Errors name the
 * line number, never the value.
 */
public final class DotenvParser {
    private DotenvParser() {}

    public static Map<String, String> parse(String text, String source) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int lineStart = line;
            i = skipBlank(text, i);
            if (i >= n) break;
            char c = text.charAt(i);
            if (c == '\n') {
                i++;
                line++;
                continue;
            }
            if (c == '#') {
                while (i < n && text.charAt(i) != '\n') i++;
                continue;
            }
            if (text.startsWith("export ", i)) i = skipBlank(text, i + 7);
            int keyStart = i;
            while (i < n
                    && (Character.isLetterOrDigit(text.charAt(i))
                            || text.charAt(i) == '_'
                            || text.charAt(i) == '.'
                            || text.charAt(i) == '-')) i++;
            String key = text.substring(keyStart, i);
            i = skipBlank(text, i);
            if (key.isEmpty() || i >= n || text.charAt(i) != '=') {
                throw MachinistException.usage(source + " line " + lineStart + ": expected KEY=VALUE.");
            }
            i = skipBlank(text, i + 1);
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0)
                    throw MachinistException.usage(source + " line " + lineStart + ": unterminated single quote.");
                value.append(text, i + 1, end);
                line += count(text, i, end);
                i = end + 1;
            } else if (i < n && text.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\n') line++;
                    if (d == '\\' && i + 1 < n) {
                        char e = text.charAt(i + 1);
                        switch (e) {
                            case 'n' -> value.append('\n');
                            case 'r' -> value.append('\r');
                            case 't' -> value.append('\t');
                            case '"', '\\', '$', '`' -> value.append(e);
                            default -> value.append('\\').append(e);
                        }
                        i += 2;
                        continue;
                    }
                    value.append(d);
                    i++;
                }
                if (!closed)
                    throw MachinistException.usage(source + " line " + lineStart + ": unterminated double quote.");
            } else {
                int end = i;
                while (end < n && text.charAt(end) != '\n') end++;
                String raw = text.substring(i, end);
                int comment = raw.indexOf(" #");
                if (comment >= 0) raw = raw.substring(0, comment);
                value.append(raw.strip());
                i = end;
            }
            // Only blanks or a comment may follow a quoted value on its line.
            i = skipBlank(text, i);
            if (i < n && text.charAt(i) == '#') while (i < n && text.charAt(i) != '\n') i++;
            if (i < n && text.charAt(i) != '\n') {
                throw MachinistException.usage(source + " line " + line + ": unexpected text after the value.");
            }
            out.put(key, value.toString());
        }
        return out;
    }

    private static int skipBlank(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r')) i++;
        return i;
    }

    private static int count(String s, int from, int to) {
        int c = 0;
        for (int k = from; k < to; k++) if (s.charAt(k) == '\n') c++;
        return c;
    }
}
