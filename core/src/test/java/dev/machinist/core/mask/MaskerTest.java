package dev.machinist.core.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskerTest {
    private static final String TOKEN = "s3cr3t-T0ken_value";

    private final Masker masker = Masker.builder().build();

    @Test
    void masksTheValueAnywhereInAString() {
        masker.add(Secret.of("TOKEN", TOKEN));
        assertThat(masker.maskString("token=" + TOKEN + " end")).isEqualTo("token=*** end");
    }

    @Test
    void aSecretSplitAcrossWritesIsMaskedAndPlainBytesPassAtOnce() throws IOException {
        masker.add(Secret.of("TOKEN", TOKEN));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream masked = masker.wrap(out);
        masked.write(bytes("Downloading 10%... token=s3cr"));
        // Everything before the partial match is already out, without a newline or a flush.
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Downloading 10%... token=");
        masked.write(bytes("3t-T0k"));
        masked.write(bytes("en_value!"));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Downloading 10%... token=***!");
        masked.close();
    }

    /** Found by the signal test: a secret at the end of a line held the line back until more output came. */
    @Test
    void aCompletedMatchAtTheEndOfALineIsWrittenAtOnce() throws IOException {
        masker.add(Secret.of("TOKEN", TOKEN));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream masked = masker.wrap(out);
        masked.write(bytes("ready " + TOKEN + "\n"));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ready ***\n");
        masked.close();
    }

    @Test
    void aHeldBackPrefixThatTurnsOutHarmlessIsWrittenUnchanged() throws IOException {
        masker.add(Secret.of("TOKEN", TOKEN));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream masked = masker.wrap(out);
        masked.write(bytes("s3cr3t-T0"));
        assertThat(out.size()).isZero();
        masked.write(bytes("-not-it"));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("s3cr3t-T0-not-it");
        masked.write(bytes("s3c"));
        masked.close();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("s3cr3t-T0-not-its3c");
    }

    @Test
    void aPrefixSecretAndOverlappingSecretsAreMaskedWhole() {
        masker.add(Secret.of("SHORT", "abcdef12"));
        masker.add(Secret.of("LONG", "abcdef12345678"));
        masker.add(Secret.of("OVERLAP", "5678wxyz"));
        assertThat(masker.maskString("[abcdef12345678wxyz] [abcdef12] [abcdef1]"))
                .isEqualTo("[***] [***] [abcdef1]");
    }

    @Test
    void masksEveryEncodedFormMadeByIndependentEncoders() {
        String value = "p@ss w0rd/\"quoted\" & 'single' <x> $HOME ^caret ü";
        masker.add(Secret.of("PASSWORD", value));
        byte[] utf8 = bytes(value);
        List<String> printed = List.of(
                value,
                Base64.getEncoder().encodeToString(utf8),
                Base64.getUrlEncoder().withoutPadding().encodeToString(utf8),
                HexFormat.of().formatHex(utf8),
                HexFormat.of().withUpperCase().formatHex(utf8),
                URLEncoder.encode(value, StandardCharsets.UTF_8),
                URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"),
                value.replace("\"", "\\\""),
                "'" + value.replace("'", "'\\''") + "'",
                "'" + value.replace("'", "'\"'\"'") + "'",
                value.replace("$", "$$"),
                value.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;")
                        .replace("'", "&apos;"));
        for (String form : printed) {
            // Shell-quoted forms keep their outer quotes: they are not part of the value.
            assertThat(masker.maskString("x " + form + " y")).as(form).matches("x '?\\*\\*\\*'? y");
        }
    }

    @Test
    void masksBase64AtEveryAlignmentInsideLargerData() {
        masker.add(Secret.of("KEY", "correct horse battery"));
        for (String prefix : List.of("", "a", "ab", "abc", "user:")) {
            for (String suffix : List.of("", "!", "!!", "\n")) {
                String encoded = Base64.getEncoder().encodeToString(bytes(prefix + "correct horse battery" + suffix));
                assertThat(masker.maskString(encoded))
                        .as(prefix + "|" + suffix)
                        .doesNotContain(Base64.getEncoder()
                                .encodeToString(bytes("correct horse battery"))
                                .substring(4, 24));
                assertThat(masker.maskString(encoded)).contains("***");
            }
        }
    }

    /** The gap in GitHub's runner: base64's 76-column wrapping splits the encoded secret over two lines. */
    @Test
    void masksBase64WrappedAt76ColumnsWhateverColumnItStartsAt() {
        String secret = "-----BEGIN KEY-----abcdefghijklmnopqrstuvwxyz0123456789";
        masker.add(Secret.of("KEY", secret));
        String core = Base64.getEncoder().encodeToString(bytes(secret)).substring(0, 70);
        for (int lead = 0; lead < 80; lead++) {
            byte[] data = bytes("x".repeat(lead) + secret + "tail");
            String wrapped = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(data) + "\n";
            String masked = masker.maskString(wrapped);
            assertThat(masked.replace("\n", "")).as("lead %d", lead).doesNotContain(core.substring(8, 40));
            assertThat(masked.split("\n", -1)).as("line count kept").hasSameSizeAs(wrapped.split("\n", -1));
        }
    }

    @Test
    void aMultiLineSecretIsMaskedWholeWithLfOrCrLfAndLineByLine() {
        String pem =
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n";
        masker.add(Secret.of("PEM", pem));
        assertThat(masker.maskString("key:\n" + pem + "done")).isEqualTo("key:\n***\n***\n***\n***\ndone");
        assertThat(masker.maskString(pem.replace("\n", "\r\n"))).isEqualTo("***\r\n***\r\n***\r\n***\r\n");
        assertThat(masker.maskString("line: MIIEvQIBADANBgkqhkiG9w0BAQEFAASC alone"))
                .isEqualTo("line: *** alone");
    }

    @Test
    void valuesTrimmedOfQuotesAndWhitespaceAreAlsoPatterns() {
        masker.add(Secret.of("QUOTED", "  \"hunter2-and-more\"\n"));
        assertThat(masker.maskString("password is hunter2-and-more.")).isEqualTo("password is ***.");
    }

    @Test
    void weakValuesAreNotMaskedAndTheWarningNamesTheSecretNotTheValue() {
        assertThat(masker.add(Secret.of("PIN", "1234"))).singleElement().satisfies(w -> {
            assertThat(w.secretName()).isEqualTo("PIN");
            assertThat(w.message()).contains("PIN").contains("number").doesNotContain("1234");
        });
        assertThat(masker.add(Secret.of("SHORT", "abc"))).singleElement().satisfies(w -> assertThat(w.message())
                .contains("shorter than 4")
                .doesNotContain("abc"));
        assertThat(masker.add(Secret.of("REPEAT", "xxxxxxxx"))).hasSize(1);
        assertThat(masker.add(Secret.of("WORD", "Test"))).hasSize(1);
        assertThat(masker.add(Secret.of("BLANK", "   "))).hasSize(1);
        assertThat(masker.maskString("1234 abc xxxxxxxx test")).isEqualTo("1234 abc xxxxxxxx test");
        assertThat(masker.add(Secret.of("GOOD", "123456"))).isEmpty();
        assertThat(masker.maskString("id 123456")).isEqualTo("id ***");
    }

    @Test
    void weakLinesOfAMultiLineSecretAreReportedAndTheRestIsMasked() {
        List<MaskWarning> warnings = masker.add(Secret.of("JSON", "{\n  \"key\": \"v3ry-s3cret\"\n}"));
        assertThat(warnings)
                .hasSize(2)
                .allSatisfy(w -> assertThat(w.message()).contains("JSON").contains("Line"));
        assertThat(masker.maskString("{ \"key\": \"v3ry-s3cret\" }")).isEqualTo("{ *** }");
        assertThat(masker.maskString("{\n}")).isEqualTo("{\n}");
    }

    @Test
    void theMinimumLengthIsConfigurable() {
        Masker strict = Masker.builder().minimumLength(10).build();
        assertThat(strict.add(Secret.of("NINE", "abcdefghi"))).hasSize(1);
        assertThat(strict.maskString("abcdefghi")).isEqualTo("abcdefghi");
        assertThatThrownBy(() -> Masker.builder().minimumLength(0))
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void theReplacementFollowsTheHostConvention() {
        for (Replacement r :
                List.of(Replacement.GITHUB, Replacement.JENKINS, Replacement.GITLAB, Replacement.of("<hidden>"))) {
            Masker m = Masker.builder().replacement(r).build();
            m.add(Secret.of("T", TOKEN));
            assertThat(m.maskString("a " + TOKEN + " b")).isEqualTo("a " + r.text() + " b");
        }
        assertThat(Replacement.named("gitlab")).isSameAs(Replacement.GITLAB);
        assertThatThrownBy(() -> Replacement.of("")).isInstanceOf(MachinistException.class);
        assertThatThrownBy(() -> Replacement.of("a\nb")).isInstanceOf(MachinistException.class);
    }

    @Test
    void aSecretAddedWhileAStreamIsOpenIsMaskedFromThenOn() throws IOException {
        masker.add(Secret.of("FIRST", "first-secret-1"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream masked = masker.wrap(out);
        masked.write(bytes("first-secret-1 then session="));
        masker.sink().accept(Secret.of("Pantheon session", "sess-0123456789"));
        masked.write(bytes("sess-0123456789 and sess-0123456789\n"));
        masked.close();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("*** then session=*** and ***\n");
    }

    @Test
    void bytesStillHeldBackWhenASecretIsAddedAreCheckedAgainstIt() throws IOException {
        masker.add(Secret.of("FIRST", "abcd-efgh-1234"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream masked = masker.wrap(out);
        masked.write(bytes("x abcd-efgh-"));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("x ");
        masker.add(Secret.of("DERIVED", "efgh-5678-wxyz"));
        masked.write(bytes("5678-wxyz y"));
        masked.close();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("x abcd-*** y");
    }

    @Test
    void sinkReportsWeakDerivedValuesToTheWarningListener() {
        List<MaskWarning> seen = new java.util.ArrayList<>();
        Masker m = Masker.builder().warnings(seen::add).build();
        m.sink().accept(Secret.of("session", "ab"));
        assertThat(seen).singleElement().satisfies(w -> assertThat(w.secretName())
                .isEqualTo("session"));
    }

    @Test
    void memoryIsBoundedByTheLongestPatternNotByTheOutput() throws IOException {
        String secret = "a".repeat(30) + "b";
        masker.add(Secret.of("LONG", secret));
        CountingStream sink = new CountingStream();
        MaskingOutputStream masked = (MaskingOutputStream) masker.wrap(sink);
        byte[] chunk = bytes("a\n".repeat(4096));
        int longest = masker.automaton().maxLength;
        for (int i = 0; i < 2_000; i++) {
            masked.write(chunk);
            assertThat(masked.heldBytes()).isLessThanOrEqualTo(3 * longest);
        }
        masked.close();
        assertThat(sink.count).isEqualTo(2_000L * chunk.length);
    }

    @Test
    void lineBreaksAreNeverMaskedAwayAndThreeBreaksEndAMatch() {
        masker.add(Secret.of("T", "abcdefgh"));
        assertThat(masker.maskString("abcd\nefgh")).isEqualTo("***\n***");
        assertThat(masker.maskString("abcd\n\nefgh")).isEqualTo("***\n\n***");
        assertThat(masker.maskString("abcd\n\n\nefgh")).isEqualTo("abcd\n\n\nefgh");
    }

    @Test
    void tokenToStringAndWarningsNeverShowTheValue() {
        Secret secret = Secret.of("API_TOKEN", "hunter2hunter2");
        List<MaskWarning> warnings = masker.add(secret);
        assertThat(warnings).isEmpty();
        assertThat(masker.toString()).doesNotContain("hunter2");
        assertThat(masker.wrap(OutputStream.nullOutputStream()).toString()).doesNotContain("hunter2");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
