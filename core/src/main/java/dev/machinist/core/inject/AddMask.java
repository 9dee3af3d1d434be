package dev.machinist.core.inject;

import dev.machinist.core.Secret;
import dev.machinist.core.mask.WeakPatternPolicy;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * GitHub's {@code ::add-mask::} workflow commands for a secret: one for the whole value and one for each
 * line, escaped as the toolkit's {@code escapeData} does ({@code %}→{@code %25}, CR→{@code %0D},
 * LF→{@code %0A}, in that order) so a multi-line value stays one command. Parts the weak-pattern policy
 * rejects are left out: on GitHub, masking {@code test} or a JSON {@code {}} line garbles every log
 * and reveals the value (runner#507, runner#326). The masker reports those parts by the secret's name.
 *
 * <p>These lines carry the (escaped) value to the runner, which consumes them: write them to the real stdout,
 * never through a {@link dev.machinist.core.mask.Masker} (they would arrive as {@code ::add-mask::***}).
 */
public final class AddMask {
    private AddMask() {}

    public static String commands(Secret secret, WeakPatternPolicy policy) {
        String value = secret.reveal();
        Set<String> parts = new LinkedHashSet<>();
        if (policy.weakness(value).isEmpty()) {
            parts.add(value);
        }
        String[] lines = value.split("\r\n|\r|\n");
        if (lines.length > 1) {
            for (String line : lines) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && policy.weakness(trimmed).isEmpty()) {
                    parts.add(trimmed);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            out.append("::add-mask::").append(escapeData(part)).append('\n');
        }
        return out.toString();
    }

    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }
}
