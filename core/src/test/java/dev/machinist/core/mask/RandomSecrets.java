package dev.machinist.core.mask;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators for the property tests: hostile secrets, and log texts that print them in encodings
 * computed by independent encoders (the JDK, Jackson, URLEncoder), not by {@link EncodedForms}.
 */
final class RandomSecrets {
    private static final String ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String META = ".*+?()[]{}|^$\\/\"'`&<>%=:;,!#~- \t\u0001";
    private static final String[] MULTIBYTE = {"é", "ß", "日本", "語", "😀", "Ж", "€", "\u00a0"};
    private static final String[] WORDS = {
        "[INFO] ",
        "BUILD SUCCESS",
        "Downloading ",
        "npm WARN ",
        "> Task :compileJava",
        "at org.example.Foo(Foo.java:42)",
        "token=",
        "Authorization: Bearer ",
        "{\"key\":\"",
        "\"}",
        "  ",
        "\t",
        "===",
        "100%",
        "\r",
        "\n",
        "\r\n",
        "\n\n\n"
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random;

    /**
     * Long secrets (every form at least 16 bytes), long texts and large writes: the start filter then samples
     * one block of several bytes at a time, which short secrets (blocks of one byte) never exercise.
     */
    private final boolean longSecrets;

    RandomSecrets(long seed) {
        this(seed, false);
    }

    RandomSecrets(long seed, boolean longSecrets) {
        this.random = new Random(seed);
        this.longSecrets = longSecrets;
    }

    Random random() {
        return random;
    }

    /** 1–6 secrets, some near-duplicates or prefixes of others, all strong enough to be masked whole. */
    List<String> secrets(WeakPatternPolicy policy) {
        List<String> secrets = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        while (secrets.size() < count) {
            String s;
            int kind = random.nextInt(10);
            if (longSecrets) {
                s = longSecret(secrets, kind);
            } else if (!secrets.isEmpty() && kind == 0) {
                String other = secrets.get(random.nextInt(secrets.size()));
                s = other.substring(
                        0, Math.max(1, other.length() - 1 - random.nextInt(Math.max(1, other.length() / 2))));
            } else if (!secrets.isEmpty() && kind == 1) {
                StringBuilder other = new StringBuilder(secrets.get(random.nextInt(secrets.size())));
                other.setCharAt(random.nextInt(other.length()), ASCII.charAt(random.nextInt(ASCII.length())));
                s = other.toString();
            } else if (!secrets.isEmpty() && kind == 2) {
                s = secrets.get(random.nextInt(secrets.size())) + word(3);
            } else if (kind == 3) {
                s = word(6) + "\n" + word(6) + (random.nextBoolean() ? "\n" + word(2) : "");
            } else {
                s = word(4 + random.nextInt(20));
            }
            if (policy.weakness(s).isEmpty()) {
                secrets.add(s);
            }
        }
        return secrets;
    }

    private String longSecret(List<String> secrets, int kind) {
        if (!secrets.isEmpty() && kind == 0) {
            String other = secrets.get(random.nextInt(secrets.size()));
            int cut = Math.max(Math.min(other.length(), 22), other.length() - 1 - random.nextInt(8));
            // Never split a surrogate pair: half an emoji is not a string a program would print.
            return other.substring(0, Character.isHighSurrogate(other.charAt(cut - 1)) ? cut - 1 : cut);
        }
        if (!secrets.isEmpty() && kind == 1) {
            StringBuilder other = new StringBuilder(secrets.get(random.nextInt(secrets.size())));
            other.setCharAt(random.nextInt(other.length()), ASCII.charAt(random.nextInt(ASCII.length())));
            return other.toString();
        }
        if (kind == 3) {
            return strongWord(20) + "\n" + strongWord(20 + random.nextInt(10));
        }
        return strongWord(22 + random.nextInt(40));
    }

    /** No surrounding whitespace or quotes, so the trimmed value is the value and stays long. */
    private String strongWord(int length) {
        return ASCII.charAt(random.nextInt(ASCII.length()))
                + word(length - 2)
                + ASCII.charAt(random.nextInt(ASCII.length()));
    }

    String word(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(20);
            if (pick < 13) {
                sb.append(ASCII.charAt(random.nextInt(ASCII.length())));
            } else if (pick < 18) {
                sb.append(META.charAt(random.nextInt(META.length())));
            } else {
                sb.append(MULTIBYTE[random.nextInt(MULTIBYTE.length)]);
            }
        }
        return sb.toString();
    }

    /** A log text printing the secrets in random forms among noise; {@code printed} gets each printed form. */
    byte[] text(List<String> secrets, List<String> printed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = 1 + random.nextInt(longSecrets ? 60 : 12);
        for (int i = 0; i < pieces; i++) {
            int pick = random.nextInt(10);
            if (pick < 4) {
                out.writeBytes(WORDS[random.nextInt(WORDS.length)].getBytes(StandardCharsets.UTF_8));
            } else if (pick < 5) {
                out.writeBytes(word(1 + random.nextInt(longSecrets ? 80 : 8)).getBytes(StandardCharsets.UTF_8));
            } else if (pick < 6) {
                String s = secrets.get(random.nextInt(secrets.size()));
                out.writeBytes(s.substring(0, random.nextInt(s.length())).getBytes(StandardCharsets.UTF_8));
            } else {
                String s = secrets.get(random.nextInt(secrets.size()));
                String[] form = encode(s);
                printed.add(form[1]);
                out.writeBytes(breakLines(form[0]).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /** Sometimes inserts one or two line-break bytes inside the printed form, as a terminal or fold would. */
    private String breakLines(String form) {
        if (form.length() < 2 || random.nextInt(5) != 0) {
            return form;
        }
        int at = 1 + random.nextInt(form.length() - 1);
        if (Character.isLowSurrogate(form.charAt(at)) || isBreak(form.charAt(at - 1)) || isBreak(form.charAt(at))) {
            return form;
        }
        String[] breaks = {"\n", "\r\n", "\r", "\n\n"};
        return form.substring(0, at) + breaks[random.nextInt(breaks.length)] + form.substring(at);
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** {printed text, the part of it that must never appear in masked output}. */
    private String[] encode(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(9)) {
            case 0, 1 -> new String[] {s, s};
            case 2 -> base64InContext(utf8, Base64.getEncoder(), 0);
            case 3 -> base64InContext(utf8, Base64.getUrlEncoder(), 0);
            case 4 -> base64InContext(utf8, Base64.getMimeEncoder(76, new byte[] {'\n'}), 3 * random.nextInt(26));
            case 5 -> same(URLEncoder.encode(s, StandardCharsets.UTF_8));
            case 6 -> same(json(s));
            case 7 ->
                same(
                        random.nextBoolean()
                                ? HexFormat.of().formatHex(utf8)
                                : HexFormat.of().withUpperCase().formatHex(utf8));
            default -> same("'" + s.replace("'", "'\\''") + "'");
        };
    }

    private static String[] same(String form) {
        return new String[] {form, form};
    }

    /**
     * The value base64-encoded inside other data (0–2 bytes before it plus {@code lead} more, some after;
     * padded or not; MIME-wrapped like coreutils {@code base64} when the encoder wraps). The part that must
     * not appear is every character whose six bits come from the value alone.
     */
    private String[] base64InContext(byte[] utf8, Base64.Encoder encoder, int lead) {
        int before = lead + random.nextInt(3);
        byte[] data = new byte[before + utf8.length + random.nextInt(3)];
        random.nextBytes(data);
        System.arraycopy(utf8, 0, data, before, utf8.length);
        String unwrapped = Base64.getEncoder().withoutPadding().encodeToString(data);
        if (encoder.equals(Base64.getUrlEncoder())) {
            unwrapped = unwrapped.replace('+', '-').replace('/', '_');
        }
        StringBuilder core = new StringBuilder();
        for (int j = 0; j < unwrapped.length(); j++) {
            if (6 * j >= 8 * before && 6 * j + 6 <= 8 * (before + utf8.length)) {
                core.append(unwrapped.charAt(j));
            }
        }
        String printed = random.nextBoolean() || lead > 0 ? encoder.encodeToString(data) : unwrapped;
        return new String[] {lead > 0 ? printed + "\n" : printed, core.toString()};
    }

    private static String json(String s) {
        try {
            String quoted = JSON.writeValueAsString(s);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Random chunk boundaries, biased to small chunks so that every split point is exercised. */
    int[] chunking(int length) {
        List<Integer> sizes = new ArrayList<>();
        int left = length;
        while (left > 0) {
            boolean large = longSecrets ? random.nextInt(4) != 0 : random.nextInt(4) == 0;
            int size = large ? 1 + random.nextInt(left) : 1 + random.nextInt(Math.min(left, 7));
            sizes.add(size);
            left -= size;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }
}
