package dev.machinist.core.provider.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.provider.SshCertificateIssuer.SshCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformSshCertificateTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"platformsh", "upsun"})
    void writesAKeyAndARealCertificateThatOpenSshReads(String key) throws Exception {
        try (SimulatedVendor v = new SimulatedVendor(key)) {
            PlatformSession session = v.login();
            Path dir = tmp.resolve("ssh dir");

            SshCertificate cert = session.issueCertificate(dir);

            assertThat(cert.privateKey()).isEqualTo(dir.resolve("id_ed25519"));
            assertThat(cert.certificate()).isEqualTo(dir.resolve("id_ed25519-cert.pub"));
            assertThat(mode(dir)).isEqualTo("rwx------");
            assertThat(mode(cert.privateKey())).isEqualTo("rw-------");
            assertThat(mode(cert.certificate())).isEqualTo("rw-------");

            String derivedPublic =
                    run("ssh-keygen", "-y", "-f", cert.privateKey().toString()).trim();
            String writtenPublic = Files.readString(dir.resolve("id_ed25519.pub"));
            assertThat(derivedPublic.split(" ")[1]).isEqualTo(writtenPublic.split(" ")[1]);

            String listing = run("ssh-keygen", "-L", "-f", cert.certificate().toString());
            assertThat(listing)
                    .contains("ssh-ed25519-cert-v01@openssh.com user certificate")
                    .contains(v.sim.demoUsername())
                    .contains("Key ID: \"" + v.sim.demoUserId() + "\"");

            // The certificate certifies our key and was signed by the vendor's CA.
            String caFingerprint = fingerprint(v.sim.certificateAuthority());
            assertThat(listing).contains(caFingerprint);
            assertThat(listing).contains(fingerprint(writtenPublic.trim()));

            Secret privateKey = v.sunk.stream()
                    .filter(s -> s.name().contains("SSH private key"))
                    .findFirst()
                    .orElseThrow();
            assertThat(privateKey.reveal()).isEqualTo(Files.readString(cert.privateKey()));
            assertThat(privateKey.reveal()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");

            assertThat(cert.gitSshCommand())
                    .isEqualTo("ssh -i '" + cert.privateKey() + "' -o CertificateFile='" + cert.certificate()
                            + "' -o IdentitiesOnly=yes");
            assertThat(cert.sshConfigSnippet())
                    .startsWith("Host *\n")
                    .contains("IdentityFile \"" + cert.privateKey() + "\"")
                    .contains("CertificateFile \"" + cert.certificate() + "\"");
        }
    }

    @Test
    void aSecondIssueReplacesTheFilesAndKeepsThemPrivate() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            PlatformSession session = v.login();
            SshCertificate first = session.issueCertificate(tmp);
            String firstKey = Files.readString(first.privateKey());
            Files.setPosixFilePermissions(first.privateKey(), PosixFilePermissions.fromString("rw-r--r--"));

            SshCertificate second = session.issueCertificate(tmp);

            assertThat(Files.readString(second.privateKey())).isNotEqualTo(firstKey);
            assertThat(mode(second.privateKey())).isEqualTo("rw-------");
            assertThat(mode(tmp)).isEqualTo("rwx------");
        }
    }

    @Test
    void webPaasHasNoCertifierAndSaysWhatToDoInstead() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("webpaas")) {
            PlatformSession session = v.login();

            MachinistException e =
                    catchThrowableOfType(MachinistException.class, () -> session.issueCertificate(tmp.resolve("x")));

            assertThat(e.kind()).isEqualTo(ErrorKind.USAGE);
            assertThat(e.getMessage())
                    .contains("OVHcloud Web PaaS has no SSH certificate service")
                    .contains("OVHCLOUD_WEBPAAS_CLI_CERTIFIER_URL");
            assertThat(Files.exists(tmp.resolve("x"))).isFalse();
            assertThat(v.sunk).hasSize(1);
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private String fingerprint(String publicKeyLine) throws Exception {
        Path f = Files.createTempFile(tmp, "k", ".pub");
        Files.writeString(f, publicKeyLine + "\n");
        return run("ssh-keygen", "-l", "-f", f.toString()).split(" ")[1];
    }

    static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(List.of(argv)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", argv) + ": " + out).isZero();
        return out;
    }
}
