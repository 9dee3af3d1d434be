package dev.machinist.core.crypto;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Bitwarden encrypted string of type 2, {@code 2.<b64 iv>|<b64 ciphertext>|<b64 mac>}: AES-256-CBC with
 * PKCS#7 padding, authenticated by HMAC-SHA256 over iv ‖ ciphertext (encrypt-then-MAC). The MAC is checked,
 * in constant time, before anything is decrypted.
 */
public final class EncString {
    private static final int TYPE_AES_CBC_HMAC = 2;

    private final byte[] iv;
    private final byte[] data;
    private final byte[] mac;

    private EncString(byte[] iv, byte[] data, byte[] mac) {
        this.iv = iv;
        this.data = data;
        this.mac = mac;
    }

    /**
     * @param what what the string holds, for error messages, e.g. "the key of secret 3f2a…"
     */
    public static EncString parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw malformed(what, "it is empty");
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            // bitwarden-crypto reads header-less strings as the legacy types 0 and 1, which have no MAC.
            throw malformed(what, "it has no type header; only type 2 (AES-256-CBC + HMAC-SHA256) is accepted");
        }
        String type = text.substring(0, dot);
        if (!type.equals(String.valueOf(TYPE_AES_CBC_HMAC))) {
            throw malformed(
                    what,
                    "it is of type " + abbreviate(type) + "; only type 2 (AES-256-CBC + HMAC-SHA256) is accepted");
        }
        String[] parts = text.substring(dot + 1).split("\\|", -1);
        if (parts.length != 3) {
            throw malformed(what, "it has " + parts.length + " parts instead of iv|data|mac");
        }
        byte[] iv = decode(parts[0], what, "iv");
        byte[] data = decode(parts[1], what, "data");
        byte[] mac = decode(parts[2], what, "mac");
        if (iv.length != 16) throw malformed(what, "its iv is " + iv.length + " bytes instead of 16");
        if (mac.length != 32) throw malformed(what, "its mac is " + mac.length + " bytes instead of 32");
        if (data.length == 0 || data.length % 16 != 0) {
            throw malformed(what, "its data is not a whole number of AES blocks");
        }
        return new EncString(iv, data, mac);
    }

    /** Checks the MAC, then decrypts; a wrong key or tampered data fail the MAC. */
    public byte[] decrypt(SymmetricKey key, String what) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.macKey(), "HmacSHA256"));
            hmac.update(iv);
            byte[] expected = hmac.doFinal(data);
            if (!MessageDigest.isEqual(expected, mac)) {
                throw new MacMismatchException(
                        capitalize(what) + " could not be decrypted with this access token's key (MAC mismatch):"
                                + " the data was altered, or it belongs to another organization.");
            }
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.encKey(), "AES"), new IvParameterSpec(iv));
            return aes.doFinal(data);
        } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
            // Authentic but badly padded: the sender's bug, not ours; never echo the plaintext.
            throw new MachinistException(
                    ErrorKind.MALFORMED_RESPONSE, capitalize(what) + " has invalid padding after decryption.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC or HmacSHA256 is missing from this JDK", e);
        }
    }

    public String decryptToString(SymmetricKey key, String what) {
        return new String(decrypt(key, what), StandardCharsets.UTF_8);
    }

    private static byte[] decode(String part, String what, String name) {
        try {
            return Base64.getDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw malformed(what, "its " + name + " is not valid base64");
        }
    }

    private static MachinistException malformed(String what, String why) {
        return new MachinistException(
                ErrorKind.MALFORMED_RESPONSE,
                "Bitwarden sent " + what + " that is not a valid encrypted string: " + why + ".");
    }

    private static String abbreviate(String s) {
        return s.length() > 8 ? s.substring(0, 8) + "…" : s;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public String toString() {
        return "EncString[type 2, " + data.length + " bytes]";
    }
}
