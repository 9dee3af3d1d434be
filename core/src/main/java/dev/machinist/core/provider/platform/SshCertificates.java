package dev.machinist.core.provider.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.core.MachinistException;
import dev.machinist.core.SecretSink;
import dev.machinist.core.http.HttpCall;
import dev.machinist.core.http.HttpResult;
import dev.machinist.core.provider.SshCertificateIssuer.SshCertificate;
import java.net.URI;
import java.nio.file.Path;

/**
 * {@code ssh-cert:load} without the vendor CLI: a new ed25519 key, certified by {@code POST {certifier}/ssh}
 * for the machine user, so git, ssh, rsync and scp reach the vendor's servers without a registered key.
 */
final class SshCertificates {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VendorProfile profile;
    private final PlatformApi api;
    private final SecretSink sink;

    SshCertificates(VendorProfile profile, PlatformApi api, SecretSink sink) {
        this.profile = profile;
        this.api = api;
        this.sink = sink;
    }

    SshCertificate issue(Path directory) {
        URI certifier = api.endpoints()
                .certifier()
                .orElseThrow(() -> MachinistException.usage(profile.displayName()
                        + " has no SSH certificate service (its own CLI disables ssh-cert commands). Add an SSH"
                        + " public key to the machine user's account instead, or set " + profile.envPrefix()
                        + "CERTIFIER_URL if your vendor runs a certifier."));
        SshKeys.Generated key = SshKeys.ed25519(profile.displayName() + " SSH private key", "machinist");
        sink.accept(key.privateKeyPem());
        String body = JSON.createObjectNode().put("key", key.publicKeyLine()).toString();
        HttpResult result = api.require(
                api.send(() -> HttpCall.post(URI.create(certifier + "/ssh"))
                        .json(body)
                        // Certifying the same public key twice is harmless.
                        .idempotent(true)
                        .what(profile.displayName() + " SSH certificate")),
                null,
                null);
        String certificate = result.json().path("certificate").asText("").trim();
        if (!certificate.matches("[a-z0-9-]+-cert-v01@openssh\\.com [A-Za-z0-9+/=]+( .*)?")) {
            throw result.malformed("no OpenSSH certificate");
        }
        return CertificateFiles.write(directory, key.privateKeyPem().reveal(), certificate, key.publicKeyLine());
    }
}
