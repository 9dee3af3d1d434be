package dev.machinist.simulator.gitlab;

import java.util.regex.Pattern;

/**
 * GitLab's rule for values that can be masked (app/models/concerns/ci/maskable.rb): the strict alphabet unless
 * the variable is raw, then any run of at least eight non-space characters.
 */
final class GitLabMasking {
    static final Pattern REGEX = Pattern.compile("\\A[a-zA-Z0-9_+=/@:.~-]{8,}\\z");
    static final Pattern MASK_AND_RAW_REGEX = Pattern.compile("\\A\\S{8,}\\z");

    private GitLabMasking() {}

    static boolean maskable(String value, boolean raw) {
        return (raw ? MASK_AND_RAW_REGEX : REGEX).matcher(value).matches();
    }
}
