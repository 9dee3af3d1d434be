package dev.machinist.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A Bitwarden Secrets Manager machine-account access token, for the US or EU cloud or a self-hosted server
 * (and, for tests and unusual set-ups, explicit API and identity URLs).
 */
public class BitwardenTokenCredentials extends MachinistCredentials {
    private static final long serialVersionUID = 1L;

    private String region;
    private String serverUrl;
    private String apiUrl;
    private String identityUrl;

    @DataBoundConstructor
    public BitwardenTokenCredentials(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @CheckForNull Secret token) {
        super(scope, id, description, token);
    }

    /** us (default) or eu; ignored when a server URL is set. */
    @CheckForNull
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = blankToNull(region);
    }

    @CheckForNull
    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        this.serverUrl = blankToNull(serverUrl);
    }

    @CheckForNull
    public String getApiUrl() {
        return apiUrl;
    }

    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        this.apiUrl = blankToNull(apiUrl);
    }

    @CheckForNull
    public String getIdentityUrl() {
        return identityUrl;
    }

    @DataBoundSetter
    public void setIdentityUrl(String identityUrl) {
        this.identityUrl = blankToNull(identityUrl);
    }

    @NonNull
    @Override
    public String vendorId() {
        return "bitwarden";
    }

    @NonNull
    @Override
    public Map<String, String> settings() {
        return settings(region, serverUrl, apiUrl, identityUrl);
    }

    static Map<String, String> settings(String region, String serverUrl, String apiUrl, String identityUrl) {
        Map<String, String> s = new LinkedHashMap<>();
        put(s, "region", region);
        put(s, "server-url", serverUrl);
        put(s, "api-url", apiUrl);
        put(s, "identity-url", identityUrl);
        return s;
    }

    private static void put(Map<String, String> s, String key, String value) {
        if (blankToNull(value) != null) s.put(key, value.trim());
    }

    @Extension
    @Symbol("machinistBitwarden")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Bitwarden Secrets Manager access token (Machinist)";
        }

        public ListBoxModel doFillRegionItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("United States (bitwarden.com)", "us");
            items.add("European Union (bitwarden.eu)", "eu");
            return items;
        }

        @POST
        public FormValidation doTestConnection(
                @AncestorInPath Item context,
                @QueryParameter String token,
                @QueryParameter String region,
                @QueryParameter String serverUrl,
                @QueryParameter String apiUrl,
                @QueryParameter String identityUrl) {
            return ConnectionCheck.run(
                    context, "bitwarden", Secret.fromString(token), settings(region, serverUrl, apiUrl, identityUrl));
        }
    }
}
