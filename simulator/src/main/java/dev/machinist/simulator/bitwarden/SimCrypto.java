package dev.machinist.simulator.bitwarden;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The server side of Secrets Manager's crypto, written separately from the core's decryption so that each
 * checks the other: the access token's shareable key and type-2 EncStrings (AES-256-CBC, HMAC-SHA256).
 */
final class SimCrypto {
    static final SecureRandom RANDOM = new SecureRandom();

    private SimCrypto() {}

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** enc ‖ mac key for an access token's 16-byte secret (bitwarden-crypto derive_shareable_key). */
    static byte[] accessTokenKey(byte[] secret16) {
        byte[] prk = hmac(("bitwarden-accesstoken").getBytes(StandardCharsets.US_ASCII), secret16);
        HKDFBytesGenerator expand = new HKDFBytesGenerator(new SHA256Digest());
        expand.init(HKDFParameters.skipExtractParameters(prk, "sm-access-token".getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[64];
        expand.generateBytes(key, 0, 64);
        return key;
    }

    /** "2." + b64(iv) + "|" + b64(ciphertext) + "|" + b64(HMAC(macKey, iv ‖ ciphertext)). */
    static String encrypt(byte[] key64, String plaintext) {
        return encrypt(key64, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    static String encrypt(byte[] key64, byte[] plaintext) {
        byte[] iv = randomBytes(16);
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(Arrays.copyOfRange(key64, 0, 32), "AES"),
                    new IvParameterSpec(iv));
            byte[] data = aes.doFinal(plaintext);
            byte[] macInput = new byte[iv.length + data.length];
            System.arraycopy(iv, 0, macInput, 0, iv.length);
            System.arraycopy(data, 0, macInput, iv.length, data.length);
            byte[] mac = hmac(Arrays.copyOfRange(key64, 32, 64), macInput);
            Base64.Encoder b64 = Base64.getEncoder();
            return "2." + b64.encodeToString(iv) + "|" + b64.encodeToString(data) + "|" + b64.encodeToString(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
