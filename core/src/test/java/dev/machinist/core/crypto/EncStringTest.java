package dev.machinist.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncStringTest {
    private static final SymmetricKey ACCESS_TOKEN_KEY =
            ShareableKey.forAccessToken(Base64.getDecoder().decode(PublishedVectors.ACCESS_TOKEN_SECRET_B64));

    @Test
    void decryptsTheFakeServersPayloadIntoTheOrganizationKeyThatDecryptsTux() throws Exception {
        String json = EncString.parse(PublishedVectors.ENCRYPTED_PAYLOAD, "payload")
                .decryptToString(ACCESS_TOKEN_KEY, "payload");
        String orgKeyB64 =
                new ObjectMapper().readTree(json).get("encryptionKey").asText();
        SymmetricKey orgKey = SymmetricKey.fromBase64(orgKeyB64, "org key");

        String tux = EncString.parse(PublishedVectors.TUX_KEY, "key").decryptToString(orgKey, "key");

        assertThat(Base64.getDecoder().decode(orgKeyB64)).hasSize(64);
        assertThat(tux).isEqualTo("TUX");
    }

    @Test
    void tamperedCiphertextFailsTheMacBeforeDecrypting() {
        String tampered = flipFirstCharOfPart(PublishedVectors.ENCRYPTED_PAYLOAD, 1);

        assertThatThrownBy(() -> EncString.parse(tampered, "the encrypted payload")
                        .decrypt(ACCESS_TOKEN_KEY, "the encrypted payload"))
                .isInstanceOf(MacMismatchException.class)
                .hasMessageContaining("could not be decrypted with this access token's key")
                .extracting(e -> ((MachinistException) e).kind())
                .isEqualTo(ErrorKind.MALFORMED_RESPONSE);
    }

    @Test
    void tamperedIvOrMacFailsTheMac() {
        for (int part : new int[] {0, 2}) {
            String tampered = flipFirstCharOfPart(PublishedVectors.ENCRYPTED_PAYLOAD, part);
            assertThatThrownBy(() -> EncString.parse(tampered, "x").decrypt(ACCESS_TOKEN_KEY, "x"))
                    .isInstanceOf(MacMismatchException.class);
        }
    }

    @Test
    void theWrongKeyFailsTheMac() {
        SymmetricKey wrong = ShareableKey.forAccessToken(new byte[16]);

        assertThatThrownBy(() -> EncString.parse(PublishedVectors.TUX_KEY, "the key of secret 1")
                        .decrypt(wrong, "the key of secret 1"))
                .isInstanceOf(MacMismatchException.class)
                .hasMessageStartingWith("The key of secret 1 could not be decrypted");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "abc|def|ghi",
                "0.abc|def",
                "1.abc|def|ghi",
                "2.abc|def",
                "2.abc|def|ghi|jkl",
                "2.!!!|AAAAAAAAAAAAAAAAAAAAAA==|AAAA",
                "2.AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAA==|AAAA",
                "2.AAAA|AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "2.AAAAAAAAAAAAAAAAAAAAAA==|AAAA|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "2.AAAAAAAAAAAAAAAAAAAAAA==||AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
            })
    void malformedStringsAreAClearMalformedResponse(String text) {
        assertThatThrownBy(() -> EncString.parse(text, "the value of secret 7"))
                .isInstanceOf(MachinistException.class)
                .hasMessageStartingWith("Bitwarden sent the value of secret 7 that is not a valid encrypted string")
                .extracting(e -> ((MachinistException) e).kind())
                .isEqualTo(ErrorKind.MALFORMED_RESPONSE);
    }

    @Test
    void organizationKeysOfOtherLengthsAreRefusedClearly() {
        assertThatThrownBy(
                        () -> SymmetricKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]), "an org key"))
                .hasMessageContaining("an org key of 32 bytes");
        assertThatThrownBy(() -> SymmetricKey.fromBase64("not base64!", "an org key"))
                .hasMessageContaining("not valid base64");
    }

    private static String flipFirstCharOfPart(String enc, int part) {
        String[] parts = enc.substring(2).split("\\|");
        char c = parts[part].charAt(0);
        parts[part] = (c == 'A' ? 'B' : 'A') + parts[part].substring(1);
        return "2." + String.join("|", parts);
    }
}
