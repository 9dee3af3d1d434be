package dev.machinist.simulator.github;

import com.goterl.lazysodium.LazySodiumJava;
import com.goterl.lazysodium.SodiumJava;
import com.goterl.lazysodium.interfaces.Box;
import java.util.Base64;
import java.util.Optional;

/**
 * An X25519 keypair as GitHub holds one per repository, environment and organization, with its key_id.
 * Opening uses libsodium's crypto_box_seal_open (through lazysodium), so the simulator checks what a client
 * sealed with an implementation independent of the client's.
 */
final class SealedBoxKeys {
    private static final LazySodiumJava SODIUM = new LazySodiumJava(new SodiumJava());

    private final String keyId;
    private final byte[] publicKey = new byte[Box.PUBLICKEYBYTES];
    private final byte[] secretKey = new byte[Box.SECRETKEYBYTES];

    SealedBoxKeys(String keyId) {
        this.keyId = keyId;
        if (!SODIUM.cryptoBoxKeypair(publicKey, secretKey)) {
            throw new IllegalStateException("crypto_box_keypair failed");
        }
    }

    String keyId() {
        return keyId;
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    /** The plaintext, or empty when the value is not base64 or was not sealed for this key. */
    Optional<String> open(String encryptedValueBase64) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(encryptedValueBase64);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (sealed.length < Box.SEALBYTES) return Optional.empty();
        byte[] message = new byte[sealed.length - Box.SEALBYTES];
        boolean ok = SODIUM.cryptoBoxSealOpen(message, sealed, sealed.length, publicKey, secretKey);
        return ok ? Optional.of(new String(message, java.nio.charset.StandardCharsets.UTF_8)) : Optional.empty();
    }
}
