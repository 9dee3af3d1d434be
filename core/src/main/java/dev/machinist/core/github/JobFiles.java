package dev.machinist.core.github;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.provider.Session;
import dev.machinist.core.provider.SshCertificateIssuer;
import dev.machinist.core.provider.pantheon.PantheonSession;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Credentials as files for the steps after the action: Terminus's session file (so {@code terminus} is
 * logged in) and the Platform.sh family's SSH key and certificate (so git, ssh, rsync and scp work). Files
 * are written 0600 by the providers into the runner's temp directory, handed to the runner's user, and
 * their HOST paths are exported; see {@link RunnerPaths}.
 */
final class JobFiles {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");
    private final RunnerPaths paths;
    private final WorkflowOutput out;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> outputs = new LinkedHashMap<>();

    JobFiles(RunnerPaths paths, WorkflowOutput out) {
        this.paths = paths;
        this.out = out;
    }

    /** @return a short note for the summary */
    String terminusSession(Session session) {
        if (!(session instanceof PantheonSession pantheon)) {
            throw MachinistException.usage("'terminus-session' is for Pantheon; "
                    + session.provider().displayName() + " has no Terminus session.");
        }
        Path file = pantheon.writeTerminusSession();
        paths.giveToRunnerUser(file);
        String cacheDir = paths.hostPath(file.getParent());
        variables.put("TERMINUS_CACHE_DIR", cacheDir);
        outputs.put("terminus-cache-dir", cacheDir);
        return "Terminus session (`TERMINUS_CACHE_DIR`)";
    }

    String sshCertificate(Session session) {
        if (!(session instanceof SshCertificateIssuer issuer)) {
            throw MachinistException.usage("'ssh-cert' is for the Platform.sh family (platformsh, upsun, webpaas); "
                    + session.provider().displayName() + " issues no SSH certificates.");
        }
        Path dir =
                paths.containerDir().resolve("ssh").resolve(session.provider().id());
        SshCertificateIssuer.SshCertificate cert = issuer.issueCertificate(dir);
        paths.giveTreeToRunnerUser(dir);
        String key = paths.hostPath(cert.privateKey());
        String certificate = paths.hostPath(cert.certificate());
        // The provider's own command names container paths; later steps need the host's.
        String command =
                "ssh -i " + quote(key) + " -o CertificateFile=" + quote(certificate) + " -o IdentitiesOnly=yes";
        variables.put("GIT_SSH_COMMAND", command);
        variables.put("RSYNC_RSH", command);
        outputs.put("ssh-key", key);
        outputs.put("ssh-certificate", certificate);
        outputs.put("git-ssh-command", command);
        return "SSH certificate (`GIT_SSH_COMMAND`, `RSYNC_RSH`)";
    }

    /** Paths are not secrets, but they go through the same writers as everything else. */
    void export(boolean toEnvironment) {
        if (toEnvironment) variables.forEach((k, v) -> out.exportVariable(k, Secret.of(k, v)));
        outputs.forEach((k, v) -> out.setOutput(k, Secret.of(k, v)));
    }

    /** POSIX shell quoting: git runs GIT_SSH_COMMAND through the shell. */
    static String quote(String s) {
        return SHELL_SAFE.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
