package dev.machinist.simulator.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileCommandParserTest {
    @Test
    void readsSingleLineAndHeredocAssignmentsAsTheRunnerDoes() {
        String text = "A=1=2\n\nB<<ghadelimiter_x\nline1\r\n%0A\n\nghadelimiter_x\nC<<D\n\nD\n";
        assertThat(FileCommandParser.parse(text))
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("A", "1=2"),
                        org.assertj.core.api.Assertions.entry("B", "line1\r\n%0A\n"),
                        org.assertj.core.api.Assertions.entry("C", ""));
    }

    @Test
    void equalsBeforeHeredocMarkerMeansASingleLineValue() {
        assertThat(FileCommandParser.parse("X=a<<b\n")).containsEntry("X", "a<<b");
    }

    @Test
    void laterAssignmentWins() {
        assertThat(FileCommandParser.parse("X=1\nX<<E\n2\nE\n")).containsEntry("X", "2");
    }

    @Test
    void missingDelimiterIsTheRunnersError() {
        assertThatThrownBy(() -> FileCommandParser.parse("X<<EOF\nvalue\nEOF-not\n"))
                .hasMessage("Invalid environment variable value. Matching delimiter not found 'EOF'");
        assertThatThrownBy(() -> FileCommandParser.parse("<<EOF\n")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> FileCommandParser.parse("no-assignment\n"))
                .hasMessage("Invalid environment variable format 'no-assignment'");
    }

    @Test
    void workflowLogReplaysMasksInOrder() {
        WorkflowLog log = new WorkflowLog("hello\n::add-mask::a%25b%0D%0Ac\nsaw a%b\n::error title=X::bad%0Anews\n");
        assertThat(log.masks()).containsExactly("a%b\r\nc");
        assertThat(log.firstUnmaskedUse("a%b")).contains(2);
        assertThat(log.firstUnmaskedUse("a%b\r\nc")).isEmpty();
        assertThat(new WorkflowLog("saw a%b\n::add-mask::a%25b\n").firstUnmaskedUse("a%b"))
                .contains(0);
        assertThat(log.commands("error")).containsExactly("bad\nnews");
    }
}
