package dev.machinist.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SealedBoxTest {
    // The X25519 base point: a valid public key whose private key nobody needs here.
    private static final String SOME_KEY = Base64.getEncoder().encodeToString(basePoint());

    private static byte[] basePoint() {
        byte[] key = new byte[32];
        key[0] = 9;
        return key;
    }

    @Test
    void boxIsFortyEightBytesLongerThanTheMessageAndFreshEachTime() {
        Secret value = Secret.of("t", "héllo-token");
        byte[] a = Base64.getDecoder().decode(SealedBox.sealBase64(SOME_KEY, value));
        byte[] b = Base64.getDecoder().decode(SealedBox.sealBase64(SOME_KEY, value));
        assertThat(a).hasSize(48 + value.revealUtf8().length);
        assertThat(a).isNotEqualTo(b); // a new ephemeral key per box
    }

    @Test
    void keysThatAreNotX25519AreRefused() {
        assertThatThrownBy(() -> SealedBox.sealBase64("not base64!", Secret.of("t", "v")))
                .isInstanceOf(MachinistException.class)
                .hasMessage("The public key to seal with is not base64.");
        assertThatThrownBy(() ->
                        SealedBox.sealBase64(Base64.getEncoder().encodeToString(new byte[16]), Secret.of("t", "v")))
                .hasMessageContaining("has 16 bytes; an X25519 key has 32")
                .extracting(e -> ((MachinistException) e).kind())
                .isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThatThrownBy(() ->
                        SealedBox.sealBase64(Base64.getEncoder().encodeToString(new byte[32]), Secret.of("t", "v")))
                .hasMessage("libsodium refused the public key to seal with (a weak key).");
    }
}
