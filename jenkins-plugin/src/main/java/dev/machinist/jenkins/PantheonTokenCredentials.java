package dev.machinist.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A Pantheon machine token (the one Terminus logs in with), optionally for another Terminus API host. */
public class PantheonTokenCredentials extends MachinistCredentials {
    private static final long serialVersionUID = 1L;

    private String apiUrl;

    @DataBoundConstructor
    public PantheonTokenCredentials(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @CheckForNull Secret token) {
        super(scope, id, description, token);
    }

    /** E.g. https://terminus.pantheon.io (the default when blank). */
    @CheckForNull
    public String getApiUrl() {
        return apiUrl;
    }

    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        this.apiUrl = blankToNull(apiUrl);
    }

    @NonNull
    @Override
    public String vendorId() {
        return "pantheon";
    }

    @NonNull
    @Override
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        if (apiUrl != null) s.put("api-url", apiUrl);
        return s;
    }

    @Extension
    @Symbol("machinistPantheon")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Pantheon machine token (Machinist)";
        }

        @POST
        public FormValidation doTestConnection(
                @AncestorInPath Item context, @QueryParameter String token, @QueryParameter String apiUrl) {
            Map<String, String> settings = new LinkedHashMap<>();
            if (blankToNull(apiUrl) != null) settings.put("api-url", apiUrl.trim());
            return ConnectionCheck.run(context, "pantheon", Secret.fromString(token), settings);
        }
    }
}
