package dev.machinist.core.provider;

import java.nio.file.Path;

/** A session that can issue an SSH certificate for a fresh key (the Platform.sh family's certifier). */
public interface SshCertificateIssuer {
    /**
     * Generates a key, has it certified, and writes key and certificate 0600 into {@code directory}.
     *
     * @return the files written and the settings that make git, ssh, rsync and scp use them
     */
    SshCertificate issueCertificate(Path directory);

    record SshCertificate(Path privateKey, Path certificate, String gitSshCommand, String sshConfigSnippet) {}
}
