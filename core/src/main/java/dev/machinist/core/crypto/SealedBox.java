package dev.machinist.core.crypto;

import com.goterl.lazysodium.LazySodiumJava;
import com.goterl.lazysodium.SodiumJava;
import com.goterl.lazysodium.interfaces.Box;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.util.Base64;

/**
 * libsodium's anonymous sealed box ({@code crypto_box_seal}), the encryption GitHub requires for Actions
 * secrets. The primitive comes from libsodium itself through lazysodium-java, which bundles the native
 * library for Linux, macOS and Windows; nothing here is hand-rolled.
 */
public final class SealedBox {
    private SealedBox() {}

    /**
     * Seals {@code value} for the holder of {@code recipientPublicKeyBase64} (a 32-byte X25519 key, base64 as
     * GitHub sends it) and returns the base64 box, {@code 48 + length} bytes before encoding.
     */
    public static String sealBase64(String recipientPublicKeyBase64, Secret value) {
        byte[] publicKey;
        try {
            publicKey = Base64.getDecoder().decode(recipientPublicKeyBase64.trim());
        } catch (IllegalArgumentException e) {
            throw new MachinistException(ErrorKind.MALFORMED_RESPONSE, "The public key to seal with is not base64.");
        }
        if (publicKey.length != Box.PUBLICKEYBYTES) {
            throw new MachinistException(
                    ErrorKind.MALFORMED_RESPONSE,
                    "The public key to seal with has " + publicKey.length + " bytes; an X25519 key has "
                            + Box.PUBLICKEYBYTES + ".");
        }
        byte[] message = value.revealUtf8();
        byte[] sealed = new byte[Box.SEALBYTES + message.length];
        if (!Sodium.INSTANCE.cryptoBoxSeal(sealed, message, message.length, publicKey)) {
            // libsodium refuses keys of small order (e.g. all zeros): the key we were given is unusable.
            throw new MachinistException(
                    ErrorKind.MALFORMED_RESPONSE, "libsodium refused the public key to seal with (a weak key).");
        }
        java.util.Arrays.fill(message, (byte) 0);
        return Base64.getEncoder().encodeToString(sealed);
    }

    /** Loads libsodium once, on first use, and says clearly when the platform has no bundled build. */
    private static final class Sodium {
        static final LazySodiumJava INSTANCE = load();

        private static LazySodiumJava load() {
            try {
                return new LazySodiumJava(new SodiumJava());
            } catch (LinkageError | RuntimeException e) {
                throw new MachinistException(
                        ErrorKind.INTERNAL,
                        "libsodium could not be loaded on " + System.getProperty("os.name") + "/"
                                + System.getProperty("os.arch") + " ("
                                + e.getClass().getSimpleName()
                                + "); sealing GitHub secrets needs it.",
                        e);
            }
        }
    }
}
