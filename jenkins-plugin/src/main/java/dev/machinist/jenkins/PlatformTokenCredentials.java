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
import java.util.Locale;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An API token of the Platform.sh family: Platform.sh, Upsun or OVHcloud Web PaaS (one provider in the core,
 * with a profile per vendor), optionally for other API and auth URLs.
 */
public class PlatformTokenCredentials extends MachinistCredentials {
    private static final long serialVersionUID = 1L;
    static final String DEFAULT_VENDOR = "upsun";

    private final String vendor;
    private String apiUrl;
    private String authUrl;

    @DataBoundConstructor
    public PlatformTokenCredentials(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @CheckForNull String vendor,
            @CheckForNull Secret token) {
        super(scope, id, description, token);
        String v = blankToNull(vendor);
        this.vendor = v == null ? DEFAULT_VENDOR : v.toLowerCase(Locale.ROOT);
    }

    /** platformsh, upsun or webpaas. */
    @NonNull
    public String getVendor() {
        return vendor;
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
    public String getAuthUrl() {
        return authUrl;
    }

    @DataBoundSetter
    public void setAuthUrl(String authUrl) {
        this.authUrl = blankToNull(authUrl);
    }

    @NonNull
    @Override
    public String vendorId() {
        return vendor;
    }

    @NonNull
    @Override
    public Map<String, String> settings() {
        return settings(apiUrl, authUrl);
    }

    static Map<String, String> settings(String apiUrl, String authUrl) {
        Map<String, String> s = new LinkedHashMap<>();
        if (blankToNull(apiUrl) != null) s.put("api-url", apiUrl.trim());
        if (blankToNull(authUrl) != null) s.put("auth-url", authUrl.trim());
        return s;
    }

    @Extension
    @Symbol("machinistPlatform")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Platform.sh / Upsun / Web PaaS API token (Machinist)";
        }

        public ListBoxModel doFillVendorItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("Upsun", "upsun");
            items.add("Platform.sh", "platformsh");
            items.add("OVHcloud Web PaaS", "webpaas");
            return items;
        }

        @POST
        public FormValidation doTestConnection(
                @AncestorInPath Item context,
                @QueryParameter String vendor,
                @QueryParameter String token,
                @QueryParameter String apiUrl,
                @QueryParameter String authUrl) {
            String v = blankToNull(vendor) == null ? DEFAULT_VENDOR : vendor.trim();
            return ConnectionCheck.run(context, v, Secret.fromString(token), settings(apiUrl, authUrl));
        }
    }
}
