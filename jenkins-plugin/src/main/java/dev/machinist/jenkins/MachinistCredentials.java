package dev.machinist.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import java.util.Map;

/**
 * A CI bot's long-lived vendor token, stored encrypted like any Jenkins secret. Subclasses say which vendor
 * it belongs to and which endpoint settings go with it; everything done with the token happens in the
 * Machinist core ({@code dev.machinist.core.binding.CredentialBinding}).
 */
public abstract class MachinistCredentials extends BaseStandardCredentials {
    private static final long serialVersionUID = 1L;

    private final @NonNull Secret token;

    protected MachinistCredentials(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @CheckForNull Secret token) {
        super(scope, id, description);
        this.token = token == null ? Secret.fromString("") : token;
    }

    @NonNull
    public Secret getToken() {
        return token;
    }

    /** The core's vendor id: pantheon, platformsh, upsun, webpaas or bitwarden. */
    @NonNull
    public abstract String vendorId();

    /** Provider settings (api-url, auth-url, server-url, region, identity-url) with blank ones left out. */
    @NonNull
    public abstract Map<String, String> settings();

    /** Null or blank form fields become null, so that they are not written to credentials.xml. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
