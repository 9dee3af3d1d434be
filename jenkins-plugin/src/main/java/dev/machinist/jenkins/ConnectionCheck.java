package dev.machinist.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import dev.machinist.core.MachinistException;
import dev.machinist.core.binding.BindingRequest;
import dev.machinist.core.binding.ConnectionReport;
import dev.machinist.core.binding.CredentialBinding;
import dev.machinist.core.http.HttpTransport;
import hudson.model.Item;
import hudson.security.AccessControlled;
import hudson.util.FormValidation;
import hudson.util.Secret;
import java.util.Map;
import jenkins.model.Jenkins;

/**
 * "Test connection" on a credential form: logs in through the core (on the controller, where the form is) and
 * shows who the token belongs to and when it expires, or the core's message saying what is wrong.
 */
final class ConnectionCheck {
    private ConnectionCheck() {}

    static FormValidation run(Item context, String vendor, Secret token, Map<String, String> settings) {
        // Only someone who may store credentials here may make the controller call a vendor with a token.
        AccessControlled scope = context != null ? context : Jenkins.get();
        if (!scope.hasPermission(CredentialsProvider.CREATE) && !scope.hasPermission(CredentialsProvider.UPDATE)) {
            return FormValidation.error(
                    "Testing a connection needs the Credentials/Create or Credentials/Update" + " permission here.");
        }
        if (token == null || token.getPlainText().isBlank()) {
            return FormValidation.error("Enter the token first.");
        }
        BindingRequest.Builder request = BindingRequest.builder(
                vendor, dev.machinist.core.Secret.of("the token in this form", token.getPlainText()));
        settings.forEach(request::setting);
        try {
            ConnectionReport report = new CredentialBinding(HttpTransport.defaults()).testConnection(request.build());
            return FormValidation.ok(report.summary());
        } catch (MachinistException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
