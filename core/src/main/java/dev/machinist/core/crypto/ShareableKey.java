package dev.machinist.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Bitwarden's "shareable key" derivation (bitwarden-crypto {@code derive_shareable_key}): the pseudo-random
 * key is HMAC-SHA256 keyed with {@code "bitwarden-" + name} over the 16-byte secret, not HKDF-Extract, so
 * the extract step is skipped and only HKDF-Expand runs.
 */
public final class ShareableKey {
    private ShareableKey() {}

    /** The key a Secrets Manager access token's 16-byte secret stands for. */
    public static SymmetricKey forAccessToken(byte[] secret16) {
        return derive(secret16, "accesstoken", "sm-access-token");
    }

    static SymmetricKey derive(byte[] secret, String name, String info) {
        byte[] prk;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(("bitwarden-" + name).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            prk = hmac.doFinal(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(HKDFParameters.skipExtractParameters(prk, info.getBytes(StandardCharsets.UTF_8)));
        byte[] okm = new byte[SymmetricKey.LENGTH];
        hkdf.generateBytes(okm, 0, okm.length);
        return SymmetricKey.of(okm, "a derived key");
    }
}
