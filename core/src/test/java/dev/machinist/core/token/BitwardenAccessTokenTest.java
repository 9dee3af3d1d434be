package dev.machinist.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.token.InvalidAccessTokenException.Reason;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BitwardenAccessTokenTest {
    private static final String ID = "ec2c1d46-6a4b-4751-a310-af9601317f2d";
    private static final String SECRET = "C2IgxjjLF7qSshsbwe8JGcbM075YXw";
    private static final String KEY = "X8vbvA0bduihIDe/qrzIQQ==";
    private static final String TOKEN = "0." + ID + "." + SECRET + ":" + KEY;
    private static final String DERIVED =
            "H9/oIRLtL9nGCQOVDjSMoEbJsjWXSOCb3qeyDt6ckzS3FhyboEDWyTP/CQfbIszNmAVg2ExFganG1FVFGXO/Jg==";

    @Test
    void parsesBitwardensExampleToken() {
        BitwardenAccessToken token = BitwardenAccessToken.parse(TOKEN);

        assertThat(token.accessTokenId()).isEqualTo(ID);
        assertThat(token.clientSecret().reveal()).isEqualTo(SECRET);
        assertThat(token.keyPart().reveal()).isEqualTo(KEY);
        assertThat(token.encryptionKey().asSecret("k").reveal()).isEqualTo(DERIVED);
    }

    @Test
    void acceptsAKeyWithoutPaddingAndSurroundingWhitespace() {
        BitwardenAccessToken token = BitwardenAccessToken.parse("  " + TOKEN.replace("==", "") + "\n");

        assertThat(token.encryptionKey().asSecret("k").reveal()).isEqualTo(DERIVED);
    }

    @Test
    void normalizesAnUppercaseIdToLowercase() {
        assertThat(BitwardenAccessToken.parse(TOKEN.replace(ID, ID.toUpperCase()))
                        .accessTokenId())
                .isEqualTo(ID);
    }

    @Test
    void acceptsTheSimpleAndBracedUuidFormsTheSdkAcceptsAndSendsTheHyphenatedOne() {
        assertThat(BitwardenAccessToken.parse(TOKEN.replace(ID, ID.replace("-", "")))
                        .accessTokenId())
                .isEqualTo(ID);
        assertThat(BitwardenAccessToken.parse(TOKEN.replace(ID, "{" + ID + "}")).accessTokenId())
                .isEqualTo(ID);
    }

    @Test
    void toStringShowsOnlyTheId() {
        String text = BitwardenAccessToken.parse(TOKEN).toString();

        assertThat(text).isEqualTo("BitwardenAccessToken[" + ID + "]");
        assertThat(text).doesNotContain(SECRET).doesNotContain(KEY);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", Reason.EMPTY),
                Arguments.of("   \n", Reason.EMPTY),
                Arguments.of(null, Reason.EMPTY),
                Arguments.of("0." + ID + "." + SECRET, Reason.NO_KEY),
                Arguments.of("0." + ID + "." + SECRET + KEY, Reason.NO_KEY),
                Arguments.of(ID + "." + SECRET + ":" + KEY, Reason.WRONG_PARTS),
                Arguments.of("0." + ID + SECRET + ":" + KEY, Reason.WRONG_PARTS),
                Arguments.of("0." + ID + "." + SECRET + ".x:" + KEY, Reason.WRONG_PARTS),
                Arguments.of(":" + KEY, Reason.WRONG_PARTS),
                Arguments.of("1." + ID + "." + SECRET + ":" + KEY, Reason.WRONG_VERSION),
                Arguments.of("." + ID + "." + SECRET + ":" + KEY, Reason.WRONG_VERSION),
                Arguments.of("00." + ID + "." + SECRET + ":" + KEY, Reason.WRONG_VERSION),
                Arguments.of("0.not-a-uuid." + SECRET + ":" + KEY, Reason.INVALID_UUID),
                Arguments.of("0.." + SECRET + ":" + KEY, Reason.INVALID_UUID),
                Arguments.of("0." + ID.replaceFirst("-", "") + "." + SECRET + ":" + KEY, Reason.INVALID_UUID),
                Arguments.of("0.{" + ID + "." + SECRET + ":" + KEY, Reason.INVALID_UUID),
                Arguments.of("0." + ID.substring(1) + "." + SECRET + ":" + KEY, Reason.INVALID_UUID),
                Arguments.of("0." + ID + "0." + SECRET + ":" + KEY, Reason.INVALID_UUID),
                Arguments.of("0.1-1-1-1-1." + SECRET + ":" + KEY, Reason.INVALID_UUID),
                Arguments.of("0." + ID + ".:" + KEY, Reason.EMPTY_SECRET),
                Arguments.of("0." + ID + "." + SECRET + ":" + "X8vb!A0bduihIDe/qrzIQQ==", Reason.INVALID_BASE64),
                Arguments.of("0." + ID + "." + SECRET + ":" + KEY + " extra", Reason.INVALID_BASE64),
                Arguments.of("0." + ID + "." + SECRET + ":" + KEY + ":" + KEY, Reason.INVALID_BASE64),
                Arguments.of("0." + ID + "." + SECRET + ":", Reason.INVALID_KEY_LENGTH),
                Arguments.of("0." + ID + "." + SECRET + ":" + "X8vbvA0bduihIDe/qrzI", Reason.INVALID_KEY_LENGTH),
                Arguments.of(
                        "0." + ID + "." + SECRET + ":" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                        Reason.INVALID_KEY_LENGTH));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("malformed")
    void rejectsEveryMalformedShapeWithItsReasonAndWithoutEchoingIt(String token, Reason reason) {
        assertThatThrownBy(() -> BitwardenAccessToken.parse(token))
                .isInstanceOfSatisfying(InvalidAccessTokenException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.kind()).isEqualTo(ErrorKind.USAGE);
                    assertThat(e.getMessage())
                            .contains("0.<access token id>.<client secret>:<key>")
                            .doesNotContain(SECRET)
                            .doesNotContain(KEY)
                            .doesNotContain(KEY.substring(0, 8));
                    if (token != null && !token.isBlank())
                        assertThat(e.getMessage()).doesNotContain(token.strip());
                });
    }

    @Test
    void eachReasonHasItsOwnMessage() {
        assertThat(Stream.of(Reason.values())
                        .map(r -> new InvalidAccessTokenException(r).getMessage())
                        .distinct())
                .hasSize(Reason.values().length);
    }
}
