package dev.machinist.core.store;

import dev.machinist.core.Secret;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GitLab's rule for values it can mask (app/models/concerns/ci/maskable.rb; protocols.md §5): at least eight
 * characters on one line; without raw, only letters, digits and {@code _ + = / @ : . ~ -}; with raw, any
 * characters but whitespace. Checked before writing so the user gets the reason instead of GitLab's bare
 * "value is invalid". The explanation never quotes the value or its characters.
 */
final class GitLabMaskingRules {
    private static final Pattern STRICT = Pattern.compile("[a-zA-Z0-9_+=/@:.~-]*");
    private static final Pattern NO_WHITESPACE = Pattern.compile("\\S*");

    private GitLabMaskingRules() {}

    /** Why GitLab could not mask {@code value}, or empty when it can. */
    static Optional<String> whyNotMaskable(Secret value, boolean raw) {
        String v = value.reveal();
        if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return Optional.of("it spans several lines; GitLab masks single-line values only");
        }
        if (v.codePointCount(0, v.length()) < 8) {
            return Optional.of("it is shorter than 8 characters, the minimum GitLab masks");
        }
        if (!NO_WHITESPACE.matcher(v).matches()) {
            return Optional.of("it contains whitespace, which GitLab cannot mask");
        }
        if (!raw && !STRICT.matcher(v).matches()) {
            return Optional.of("it contains characters GitLab masks only in raw variables (allowed otherwise: letters,"
                    + " digits and _ + = / @ : . ~ -); add --raw if the value needs no $-expansion");
        }
        return Optional.empty();
    }
}
