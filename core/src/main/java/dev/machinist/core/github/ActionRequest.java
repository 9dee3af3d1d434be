package dev.machinist.core.github;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.mask.WeakPatternPolicy;
import dev.machinist.core.provider.SecretScope;
import dev.machinist.core.select.SecretSelection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one run of the action was asked to do, parsed from its inputs and checked before any request is
 * sent, so that a typo costs no login. Input names are the ones action.yml declares.
 */
record ActionRequest(
        String vendor,
        Secret token,
        Optional<SecretSelection> selection,
        Map<String, String> providerSettings,
        boolean exportEnv,
        boolean terminusSession,
        boolean sshCertificate,
        int maskMinLength,
        List<String> extraMaskValues,
        Set<String> unmaskedNames) {

    static final String VENDOR = "vendor";
    static final String TOKEN = "access-token";
    static final String SECRETS = "secrets";
    static final String PROJECT = "project";
    static final String ALL_SECRETS = "all-secrets";
    static final String MAP_NAMES = "map-names";
    static final String EXPORT_ENV = "export-env";
    static final String TERMINUS_SESSION = "terminus-session";
    static final String SSH_CERT = "ssh-cert";
    static final String MASK_MIN_LENGTH = "mask-min-length";
    static final String MASK_VALUES = "mask-values";
    static final String UNMASKED = "unmasked";
    /** Inputs passed to the provider under the same name (the CLI's option names). */
    static final List<String> PROVIDER_SETTINGS =
            List.of("server-url", "region", "api-url", "auth-url", "identity-url");

    static ActionRequest parse(ActionInputs in) {
        String vendor = in.require(VENDOR, "one of pantheon, platformsh, upsun, webpaas, bitwarden.");
        // The token is kept exactly as given apart from surrounding whitespace (a pasted secret often ends
        // in a newline); it is never echoed, not even in an error.
        Secret token =
                Secret.of("access-token", in.raw(TOKEN).map(String::strip).orElse(""));
        if (token.isEmpty() && !"env".equals(vendor)) {
            throw MachinistException.usage("The input 'access-token' is empty. Pass the bot's token from a secret:"
                    + " access-token: ${{ secrets.YOUR_TOKEN }} (a secret that is not available to this workflow,"
                    + " e.g. in a pull request from a fork, also arrives empty).");
        }
        List<SecretSelection.Pick> picks =
                SecretSelection.parsePicks(in.raw(SECRETS).orElse(""));
        boolean all = in.flag(ALL_SECRETS, false);
        Optional<String> project = in.get(PROJECT);
        if (all && project.isPresent()) {
            throw MachinistException.usage(
                    "Give either 'project' or 'all-secrets: true', not both: a project is part of the organization.");
        }
        Optional<SecretScope> scope = project.map(SecretScope::project)
                .or(() -> all ? Optional.of(SecretScope.organization()) : Optional.empty());
        SecretSelection.NamePolicy policy =
                in.flag(MAP_NAMES, false) ? SecretSelection.NamePolicy.MAP : SecretSelection.NamePolicy.REJECT;
        Optional<SecretSelection> selection = picks.isEmpty() && scope.isEmpty()
                ? Optional.empty()
                : Optional.of(SecretSelection.of(picks, scope, policy));
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : PROVIDER_SETTINGS) in.get(name).ifPresent(v -> settings.put(name, v));
        boolean exportEnv = in.flag(EXPORT_ENV, true);
        boolean terminus = in.flag(TERMINUS_SESSION, false);
        boolean ssh = in.flag(SSH_CERT, false);
        // Nothing selected is fine: logging in alone checks the token, and the summary shows who and until when.
        return new ActionRequest(
                vendor,
                token,
                selection,
                settings,
                exportEnv,
                terminus,
                ssh,
                in.number(MASK_MIN_LENGTH, WeakPatternPolicy.DEFAULT_MINIMUM_LENGTH),
                in.lines(MASK_VALUES),
                new LinkedHashSet<>(in.list(UNMASKED)));
    }

    @Override
    public String toString() {
        return "ActionRequest[vendor=" + vendor + ", selection=" + selection + ", settings=" + providerSettings
                + ", exportEnv=" + exportEnv + "]";
    }
}
