package dev.machinist.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ShareableKeyTest {
    @Test
    void derivesTheKeyOfBitwardensPublishedAccessTokenVector() {
        byte[] secret = Base64.getDecoder().decode(PublishedVectors.ACCESS_TOKEN_SECRET_B64);

        SymmetricKey key = ShareableKey.forAccessToken(secret);

        assertThat(key.asSecret("derived").reveal()).isEqualTo(PublishedVectors.DERIVED_KEY_B64);
    }

    @Test
    void differentSecretsGiveDifferentKeys() {
        byte[] secret = Base64.getDecoder().decode(PublishedVectors.ACCESS_TOKEN_SECRET_B64);
        byte[] other = secret.clone();
        other[0] ^= 1;

        assertThat(ShareableKey.forAccessToken(other).asSecret("k").reveal())
                .isNotEqualTo(PublishedVectors.DERIVED_KEY_B64);
    }

    @Test
    void keyToStringHidesTheBytes() {
        SymmetricKey key = ShareableKey.forAccessToken(new byte[16]);

        assertThat(key.toString()).doesNotContain(key.asSecret("k").reveal()).isEqualTo("SymmetricKey[****]");
    }
}
