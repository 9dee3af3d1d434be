package dev.machinist.core.store;

import dev.machinist.core.MachinistException;

/**
 * How a GitLab project variable is stored. {@code maskedAndHidden} implies masked and can only be set when
 * the variable is created (GitLab 17.4+). {@code raw} disables variable expansion in the value, and relaxes
 * the masking rule to "no whitespace".
 */
public record GitLabVariableOptions(
        boolean masked,
        boolean maskedAndHidden,
        boolean protectedVariable,
        boolean raw,
        String environmentScope,
        String description) {

    public GitLabVariableOptions {
        environmentScope = environmentScope == null || environmentScope.isBlank() ? "*" : environmentScope.trim();
        if (masked && maskedAndHidden) {
            throw MachinistException.usage("Choose either --masked or --masked-and-hidden, not both.");
        }
    }

    /** Unmasked, unprotected, expanded, every environment. */
    public static GitLabVariableOptions defaults() {
        return new GitLabVariableOptions(false, false, false, false, "*", null);
    }

    /** Masked, protected, raw: the usual choice for a bot token. */
    public static GitLabVariableOptions maskedToken() {
        return new GitLabVariableOptions(true, false, true, true, "*", null);
    }

    public boolean isMasked() {
        return masked || maskedAndHidden;
    }
}
