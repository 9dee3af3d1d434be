package dev.machinist.jenkins;

import dev.machinist.core.MachinistException;
import dev.machinist.core.binding.CredentialBinding;
import dev.machinist.core.http.HttpTransport;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException;
import org.jenkinsci.plugins.credentialsbinding.impl.UnbindableDir;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code withCredentials([machinist(credentialsId: 'bot', secrets: 'ID > NAME', project: '…')]) { … }}, and the
 * same under "Use secret text(s) or file(s)" in freestyle jobs. Logs in on the agent that runs the build,
 * loads the selected secrets, and hands Jenkins every value to mask: fetched secrets, the bot token and every
 * credential derived at login. All behaviour is the core's {@link CredentialBinding}; this class only maps.
 */
public class MachinistBinding extends MultiBinding<MachinistCredentials> {
    private String secrets;
    private String project;
    private boolean organization;
    private boolean mapNames;

    @DataBoundConstructor
    public MachinistBinding(String credentialsId) {
        super(credentialsId);
    }

    /** sm-action style lines: {@code ID > NAME}, or a bare id to use the secret's own key as the name. */
    @CheckForNull
    public String getSecrets() {
        return secrets;
    }

    @DataBoundSetter
    public void setSecrets(String secrets) {
        this.secrets = MachinistCredentials.blankToNull(secrets);
    }

    @CheckForNull
    public String getProject() {
        return project;
    }

    @DataBoundSetter
    public void setProject(String project) {
        this.project = MachinistCredentials.blankToNull(project);
    }

    public boolean isOrganization() {
        return organization;
    }

    @DataBoundSetter
    public void setOrganization(boolean organization) {
        this.organization = organization;
    }

    public boolean isMapNames() {
        return mapNames;
    }

    @DataBoundSetter
    public void setMapNames(boolean mapNames) {
        this.mapNames = mapNames;
    }

    @Override
    protected Class<MachinistCredentials> type() {
        return MachinistCredentials.class;
    }

    @Override
    public MultiEnvironment bind(
            @NonNull Run<?, ?> build,
            @CheckForNull FilePath workspace,
            @CheckForNull Launcher launcher,
            @NonNull TaskListener listener)
            throws IOException, InterruptedException {
        MachinistCredentials credentials = getCredentials(build);
        if (workspace == null) {
            throw new AbortException("machinist: this binding logs in on the agent; use it inside node { … }.");
        }
        // A private directory next to the workspace, deleted when the block ends: the vendor CLI's login
        // files (Terminus's session) go there instead of the agent user's home.
        UnbindableDir handoff = UnbindableDir.create(workspace);
        AgentBinding call = new AgentBinding(
                credentials.vendorId(),
                tokenLabel(),
                credentials.getToken().getPlainText(),
                new LinkedHashMap<>(credentials.settings()),
                secrets,
                project,
                organization,
                mapNames,
                new LinkedHashMap<>(build.getEnvironment(listener)),
                handoff.getDirPath().getRemote());
        AgentBinding.Outcome outcome = workspace.act(call);
        if (outcome.error() != null) {
            handoff.getUnbinder().unbind(build, workspace, launcher, listener);
            // The core's message says what to do; a stack trace would add nothing a user can act on.
            throw new AbortException("machinist: credentials '" + getCredentialsId() + "': " + outcome.error());
        }
        for (String warning : outcome.warnings()) listener.getLogger().println("machinist: warning: " + warning);
        listener.getLogger().println("machinist: " + outcome.summary());
        return new MultiEnvironment(outcome.secretVariables(), outcome.publicVariables(), handoff.getUnbinder());
    }

    /** The names known before logging in; the values of the others are masked all the same. */
    @Override
    public Set<String> variables(@NonNull Run<?, ?> build) throws CredentialNotFoundException {
        MachinistCredentials credentials = getCredentials(build);
        try {
            return new CredentialBinding(HttpTransport.defaults())
                    .declaredSecretVariables(AgentBinding.request(
                            credentials.vendorId(),
                            tokenLabel(),
                            "",
                            credentials.settings(),
                            secrets,
                            null,
                            false,
                            false,
                            null,
                            null));
        } catch (MachinistException e) {
            return Set.of(); // bind() reports the problem with its message
        }
    }

    private String tokenLabel() {
        return "Jenkins credential '" + getCredentialsId() + "'";
    }

    @Extension
    @Symbol("machinist")
    public static class DescriptorImpl extends BindingDescriptor<MachinistCredentials> {
        @Override
        protected Class<MachinistCredentials> type() {
            return MachinistCredentials.class;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Machinist: vendor login and secrets";
        }
    }
}
