package dev.machinist.core.mask;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every form in which a value may be printed, as masking patterns. The set is the union of GitHub's runner
 * encoders (base64 with shifts, command-line, expression, JSON, URI, XML, double-quote trimming, PowerShell
 * ampersand pieces) and Jenkins' pattern factories (base64 standard/URL-safe with shifts, bash, ash, batch,
 * {@code $$}), plus what both miss: hex, URL form encoding, lower-case percent escapes, ASCII-only JSON.
 *
 * <p>Base64 forms are the characters fully determined by the value's bytes at each of the three alignments,
 * so they match whatever surrounds the value in the encoded data, padded or not; wrapped output is handled by
 * the scanner, which skips line breaks inside a match.
 */
final class EncodedForms {
    static final int POWERSHELL_PIECE_MINIMUM = 6;

    // Constant names: a string concatenation here would bootstrap invokedynamic on every cold `run`.
    private static final String[] BASE64_SHIFT = {"base64 shift 0", "base64 shift 1", "base64 shift 2"};
    private static final String[] BASE64URL_SHIFT = {"base64url shift 0", "base64url shift 1", "base64url shift 2"};

    private EncodedForms() {}

    /** Named forms of {@code value}, the literal value first; duplicates removed. */
    static Map<String, byte[]> of(String value) {
        Map<String, byte[]> forms = new LinkedHashMap<>();
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        put(forms, "literal", value);
        for (int shift = 0; shift < 3; shift++) {
            put(forms, BASE64_SHIFT[shift], base64Core(Base64.getEncoder(), utf8, shift));
            put(forms, BASE64URL_SHIFT[shift], base64Core(Base64.getUrlEncoder(), utf8, shift));
        }
        put(forms, "base64 padded", Base64.getEncoder().encodeToString(utf8));
        put(forms, "base64url padded", Base64.getUrlEncoder().encodeToString(utf8));
        put(forms, "base64 unpadded", Base64.getEncoder().withoutPadding().encodeToString(utf8));
        put(forms, "base64url unpadded", Base64.getUrlEncoder().withoutPadding().encodeToString(utf8));
        put(forms, "hex", HexFormat.of().formatHex(utf8));
        put(forms, "HEX", HexFormat.of().withUpperCase().formatHex(utf8));
        put(forms, "url", percentEncode(utf8, "-._~", false, true));
        put(forms, "url lower-case", percentEncode(utf8, "-._~", false, false));
        put(forms, "url form", percentEncode(utf8, "-._*", true, true));
        put(forms, "url component", percentEncode(utf8, "-._~!'()*", false, true));
        put(forms, "json", json(value, false));
        put(forms, "json ascii", json(value, true));
        put(forms, "xml", xml(value, true));
        put(forms, "xml text", xml(value, false));
        put(forms, "command-line", value.replace("\"", "\\\""));
        put(forms, "expression", value.replace("'", "''"));
        put(forms, "bash", value.replace("'", "'\\''"));
        put(forms, "ash", value.replace("'", "'\"'\"'"));
        put(forms, "shell backslash", shellBackslash(value));
        put(forms, "cmd", cmdEscape(value));
        put(forms, "cmd unescaped", value.replace("^", ""));
        put(forms, "dollar", value.replace("$", "$$"));
        int amp = value.indexOf('&');
        if (amp >= 0) {
            // GitHub's PowerShell encoders: the pieces around '&' (or '&+'), when long enough to be specific.
            int after = amp + 1 < value.length() && value.charAt(amp + 1) == '+' ? amp + 2 : amp + 1;
            putPiece(forms, "powershell before &", value.substring(0, amp));
            putPiece(forms, "powershell after &", value.substring(after));
        }
        return forms;
    }

    /**
     * The base64 characters that depend only on {@code bytes} when they start {@code shift} bytes into a
     * 3-byte group: drop the leading characters that mix in preceding bytes and the trailing one that mixes in
     * following bytes (or padding).
     */
    static String base64Core(Base64.Encoder encoder, byte[] bytes, int shift) {
        byte[] shifted = new byte[shift + bytes.length];
        System.arraycopy(bytes, 0, shifted, shift, bytes.length);
        String encoded = encoder.withoutPadding().encodeToString(shifted);
        int from = (8 * shift + 5) / 6;
        int to = (8 * shifted.length) / 6;
        return from >= to ? "" : encoded.substring(from, to);
    }

    private static String percentEncode(byte[] utf8, String unreserved, boolean plusForSpace, boolean upper) {
        StringBuilder sb = new StringBuilder();
        HexFormat hex = upper ? HexFormat.of().withUpperCase() : HexFormat.of();
        for (byte b : utf8) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || unreserved.indexOf(c) >= 0) {
                sb.append(c);
            } else if (c == ' ' && plusForSpace) {
                sb.append('+');
            } else {
                sb.append('%').append(hex.toHexDigits(b));
            }
        }
        return sb.toString();
    }

    private static String json(String value, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || (asciiOnly && c > 0x7e)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String xml(String value, boolean quotes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(quotes ? "&quot;" : "\"");
                case '\'' -> sb.append(quotes ? "&apos;" : "'");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Bash {@code printf %q} style: a backslash before every shell metacharacter. */
    private static String shellBackslash(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (" \t!\"#$&'()*;<>?[\\]`{|}~^".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** cmd.exe: a caret before each character cmd would interpret. */
    private static String cmdEscape(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ("^&|<>()%!".indexOf(c) >= 0) {
                sb.append('^');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static void put(Map<String, byte[]> forms, String name, String form) {
        if (form.isEmpty()) {
            return;
        }
        byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
        for (byte[] existing : forms.values()) {
            if (java.util.Arrays.equals(existing, bytes)) {
                return;
            }
        }
        forms.put(name, bytes);
    }

    private static void putPiece(Map<String, byte[]> forms, String name, String piece) {
        if (piece.length() >= POWERSHELL_PIECE_MINIMUM) {
            put(forms, name, piece);
        }
    }
}
