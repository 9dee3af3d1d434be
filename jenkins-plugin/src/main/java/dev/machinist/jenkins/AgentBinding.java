package dev.machinist.jenkins;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.binding.BindingRequest;
import dev.machinist.core.binding.BindingResult;
import dev.machinist.core.binding.CredentialBinding;
import dev.machinist.core.http.HttpTransport;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jenkins.security.MasterToSlaveCallable;

/**
 * Runs the binding where the build runs: the token and settings travel to the agent over the (encrypted)
 * remoting channel, the agent calls the vendor, and the variables come back as plain serializable maps. A
 * {@link MachinistException} comes back as its message only, so no stack trace reaches the build log.
 */
final class AgentBinding extends MasterToSlaveCallable<AgentBinding.Outcome, RuntimeException> {
    private static final long serialVersionUID = 1L;

    private final String vendor;
    private final String tokenLabel;
    private final String token;
    private final HashMap<String, String> settings;
    private final String secrets;
    private final String project;
    private final boolean organization;
    private final boolean mapNames;
    private final HashMap<String, String> buildEnvironment;
    private final String handoffDirectory;

    AgentBinding(
            String vendor,
            String tokenLabel,
            String token,
            Map<String, String> settings,
            String secrets,
            String project,
            boolean organization,
            boolean mapNames,
            Map<String, String> buildEnvironment,
            String handoffDirectory) {
        this.vendor = vendor;
        this.tokenLabel = tokenLabel;
        this.token = token;
        this.settings = new HashMap<>(settings);
        this.secrets = secrets;
        this.project = project;
        this.organization = organization;
        this.mapNames = mapNames;
        this.buildEnvironment = new HashMap<>(buildEnvironment);
        this.handoffDirectory = handoffDirectory;
    }

    @Override
    public Outcome call() {
        // The agent's own environment first, the build's on top: vendor variables such as TERMINUS_HOST set on
        // the node or in the job are honoured; explicit credential settings win over both (ProviderContext).
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(buildEnvironment);
        try {
            BindingResult result = new CredentialBinding(HttpTransport.defaults())
                    .bind(request(
                            vendor,
                            tokenLabel,
                            token,
                            settings,
                            secrets,
                            project,
                            organization,
                            mapNames,
                            env,
                            handoffDirectory));
            return new Outcome(
                    new LinkedHashMap<>(result.secretVariables()),
                    new LinkedHashMap<>(result.publicVariables()),
                    new ArrayList<>(result.warnings()),
                    summary(result),
                    null);
        } catch (MachinistException e) {
            return new Outcome(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>(), "", e.getMessage());
        }
    }

    /** @param tokenLabel how messages name the token, e.g. "Jenkins credential 'bot'" (never its value) */
    static BindingRequest request(
            String vendor,
            String tokenLabel,
            String token,
            Map<String, String> settings,
            String secrets,
            String project,
            boolean organization,
            boolean mapNames,
            Map<String, String> env,
            String handoffDirectory) {
        BindingRequest.Builder b = BindingRequest.builder(vendor, Secret.of(tokenLabel, token))
                .secrets(secrets)
                .project(project)
                .organization(organization)
                .mapNames(mapNames)
                .environment(env == null ? Map.of() : env)
                .home(Path.of(System.getProperty("user.home")))
                .handoffDirectory(handoffDirectory == null ? null : Path.of(handoffDirectory));
        settings.forEach(b::setting);
        return b.build();
    }

    /** Names and public values only. */
    private static String summary(BindingResult result) {
        Map<String, String> pub = result.publicVariables();
        return "logged in to " + pub.getOrDefault("MACHINIST_VENDOR", "?") + " as "
                + pub.getOrDefault("MACHINIST_IDENTITY", "?")
                + pub.entrySet().stream()
                        .filter(e -> e.getKey().equals("MACHINIST_EXPIRES_AT"))
                        .map(e -> " (login expires " + e.getValue() + ")")
                        .findFirst()
                        .orElse("")
                + "; masking $" + String.join(", $", result.secretVariables().keySet()) + ".";
    }

    @Override
    public String toString() {
        return "AgentBinding[" + vendor + ", settings=" + settings.keySet() + "]";
    }

    /** What comes back from the agent: serializable JDK collections only. */
    record Outcome(
            LinkedHashMap<String, String> secretVariables,
            LinkedHashMap<String, String> publicVariables,
            ArrayList<String> warnings,
            String summary,
            String error)
            implements Serializable {
        @Override
        public String toString() {
            return "Outcome[" + secretVariables.keySet() + ", " + publicVariables.keySet() + "]";
        }
    }
}
