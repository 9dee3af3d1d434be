package dev.machinist.core.provider.platform;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A fresh ed25519 key in the files OpenSSH reads: the JDK generates it, Bouncy Castle encodes the public
 * key as an OpenSSH blob and the private key as an unencrypted {@code openssh-key-v1} PEM.
 */
final class SshKeys {
    private SshKeys() {}

    /** @param publicKeyLine e.g. {@code ssh-ed25519 AAAA... machinist} */
    record Generated(String publicKeyLine, Secret privateKeyPem) {}

    static Generated ed25519(String secretName, String comment) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            AsymmetricKeyParameter priv =
                    PrivateKeyFactory.createKey(pair.getPrivate().getEncoded());
            AsymmetricKeyParameter pub =
                    PublicKeyFactory.createKey(pair.getPublic().getEncoded());
            String publicLine = "ssh-ed25519 "
                    + Base64.getEncoder().encodeToString(OpenSSHPublicKeyUtil.encodePublicKey(pub)) + " " + comment;
            StringWriter pem = new StringWriter();
            try (PemWriter writer = new PemWriter(pem)) {
                writer.writeObject(new PemObject("OPENSSH PRIVATE KEY", OpenSSHPrivateKeyUtil.encodePrivateKey(priv)));
            }
            return new Generated(publicLine, Secret.of(secretName, pem.toString()));
        } catch (GeneralSecurityException | IOException e) {
            throw new MachinistException(
                    ErrorKind.INTERNAL,
                    "Could not generate an ed25519 SSH key: " + e.getClass().getSimpleName() + ".");
        }
    }
}
