package dev.machinist.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * What a job log must never contain for a secret value: the value, each of its lines, and the encoded
 * forms a job could print (base64 as `base64` and `base64 -w0` print it, URL-encoded, hex).
 */
final class LeakCheck {
    private LeakCheck() {}

    /** The job script that prints every one of those forms for the named variables, then their SHA-256. */
    static final String PRINT_FORMS_SCRIPT = """
            #!/bin/sh
            # Prints each named variable in every form a careless build step might, then its SHA-256.
            for name in "$@"; do
              eval "value=\\${$name}"
              echo "plain $name: $value"
              echo "base64 $name:"; printf '%s' "$value" | base64
              echo "base64 -w0 $name: $(printf '%s' "$value" | base64 -w0)"
              echo "hex $name: $(printf '%s' "$value" | od -An -v -tx1 | tr -d ' \\n')"
              echo "url $name: $(printf '%s' "$value" | python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.stdin.read(), safe=""))')"
              echo "$name sha256=$(printf '%s' "$value" | sha256sum | cut -d ' ' -f 1)"
            done
            """;

    static void assertNeverShown(String log, String value) {
        for (String form : forms(value)) {
            assertThat(log).as("a form of a secret is in the log").doesNotContain(form);
        }
    }

    static String sha256Line(String name, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return name + " sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> forms(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>();
        forms.add(value);
        for (String line : value.split("\n")) if (line.strip().length() >= 8) forms.add(line.strip());
        String b64 = Base64.getEncoder().encodeToString(bytes);
        forms.add(b64);
        for (int i = 0; i < b64.length(); i += 76) forms.add(b64.substring(i, Math.min(b64.length(), i + 76)));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        forms.add(HexFormat.of().formatHex(bytes));
        forms.add(HexFormat.of().withUpperCase().formatHex(bytes));
        forms.removeIf(f -> f.length() < 8);
        return forms;
    }
}
