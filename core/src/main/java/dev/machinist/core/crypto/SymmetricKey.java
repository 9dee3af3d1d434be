package dev.machinist.core.crypto;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.util.Arrays;
import java.util.Base64;

/**
 * Bitwarden's "AES-256-CBC + HMAC-SHA256" key: 32 bytes for encryption followed by 32 bytes for the MAC.
 * The bytes never leave this class except as a {@link Secret}, so that whoever holds the key can mask it.
 */
public final class SymmetricKey {
    static final int LENGTH = 64;

    private final byte[] encKey;
    private final byte[] macKey;

    private SymmetricKey(byte[] encKey, byte[] macKey) {
        this.encKey = encKey;
        this.macKey = macKey;
    }

    /**
     * A key from its 64 raw bytes (enc ‖ mac).
     *
     * @param what what the key is, for the error message, e.g. "the organization key"
     */
    public static SymmetricKey of(byte[] bytes, String what) {
        if (bytes == null || bytes.length != LENGTH) {
            int length = bytes == null ? 0 : bytes.length;
            throw new MachinistException(
                    ErrorKind.MALFORMED_RESPONSE,
                    "Bitwarden sent " + what + " of " + length + " bytes; Machinist supports the 64-byte"
                            + " AES-256-CBC + HMAC-SHA256 keys that Secrets Manager uses.");
        }
        return new SymmetricKey(Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64));
    }

    /** A key from the base64 of its 64 bytes, as in the login's {@code encryptedPayload}. */
    public static SymmetricKey fromBase64(String base64, String what) {
        try {
            return of(Base64.getDecoder().decode(base64.trim()), what);
        } catch (IllegalArgumentException e) {
            throw new MachinistException(
                    ErrorKind.MALFORMED_RESPONSE, "Bitwarden sent " + what + " that is not valid base64.");
        }
    }

    byte[] encKey() {
        return encKey;
    }

    byte[] macKey() {
        return macKey;
    }

    /** The key as base64 (enc ‖ mac) under a printable name, for the secret sink. */
    public Secret asSecret(String name) {
        byte[] all = new byte[LENGTH];
        System.arraycopy(encKey, 0, all, 0, 32);
        System.arraycopy(macKey, 0, all, 32, 32);
        return Secret.of(name, Base64.getEncoder().encodeToString(all));
    }

    @Override
    public String toString() {
        return "SymmetricKey[****]";
    }
}
