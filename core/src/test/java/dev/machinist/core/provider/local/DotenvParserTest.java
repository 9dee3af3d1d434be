package dev.machinist.core.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.MachinistException;
import org.junit.jupiter.api.Test;

class DotenvParserTest {
    @Test
    void readsPlainQuotedExportedAndMultiLineValues() {
        String text = """
                # comment
                PLAIN=abc def  # trailing comment
                export EXPORTED=yes
                DOUBLE="line1\\nline2 \\"q\\" \\$HOME"
                PEM="-----BEGIN KEY-----
                AAAA
                -----END KEY-----"
                EMPTY=
                """;
        var env = DotenvParser.parse(text, ".env");
        assertThat(env)
                .containsEntry("PLAIN", "abc def")
                .containsEntry("EXPORTED", "yes")
                .containsEntry("DOUBLE", "line1\nline2 \"q\" $HOME")
                .containsEntry("PEM", "-----BEGIN KEY-----\nAAAA\n-----END KEY-----")
                .containsEntry("EMPTY", "");
    }

    @Test
    void singleQuotesAreLiteral() {
        assertThat(DotenvParser.parse("A='x\\ny $Z'\n", "f")).containsEntry("A", "x\\ny $Z");
    }

    @Test
    void errorsNameTheLineNeverTheValue() {
        assertThatThrownBy(() -> DotenvParser.parse("OK=1\nSECRET=\"hunter2-unterminated\n", ".env"))
                .isInstanceOf(MachinistException.class)
                .hasMessage(".env line 2: unterminated double quote.")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DotenvParser.parse("not a pair hunter3\n", ".env"))
                .hasMessage(".env line 1: expected KEY=VALUE.");
        assertThatThrownBy(() -> DotenvParser.parse("A='x' hunter4\n", ".env"))
                .hasMessage(".env line 1: unexpected text after the value.");
    }
}
