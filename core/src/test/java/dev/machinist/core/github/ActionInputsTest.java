package dev.machinist.core.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionInputsTest {
    @Test
    void variableNamesFollowTheRunnerUpperCasedSpacesToUnderscoresHyphensKept() {
        assertThat(ActionInputs.variableFor("access-token")).isEqualTo("INPUT_ACCESS-TOKEN");
        assertThat(ActionInputs.variableFor("my input")).isEqualTo("INPUT_MY_INPUT");
        assertThat(ActionInputs.variableFor("mask-min-length")).isEqualTo("INPUT_MASK-MIN-LENGTH");
    }

    @Test
    void theHyphenatedVariableIsReadNotAnUnderscoredLookalike() {
        ActionInputs in = ActionInputs.from(Map.of("INPUT_ACCESS_TOKEN", "wrong", "INPUT_ACCESS-TOKEN", " right\n"));
        assertThat(in.get("access-token")).contains("right");
        assertThat(in.raw("access-token")).contains(" right\n");
    }

    @Test
    void emptyMeansNotGiven() {
        ActionInputs in = ActionInputs.from(Map.of("INPUT_PROJECT", "  ", "INPUT_EXPORT-ENV", ""));
        assertThat(in.get("project")).isEmpty();
        assertThat(in.flag("export-env", true)).isTrue();
    }

    @Test
    void booleansAreTheToolkitsSpellingsOnly() {
        assertThat(ActionInputs.from(Map.of("INPUT_X", "True")).flag("x", false))
                .isTrue();
        assertThat(ActionInputs.from(Map.of("INPUT_X", "FALSE")).flag("x", true))
                .isFalse();
        assertThatThrownBy(() -> ActionInputs.from(Map.of("INPUT_X", "yes")).flag("x", false))
                .isInstanceOf(MachinistException.class)
                .hasMessage("The input 'x' must be true or false, not 'yes'.")
                .extracting(e -> ((MachinistException) e).kind())
                .isEqualTo(ErrorKind.USAGE);
    }

    @Test
    void numbersAndLists() {
        ActionInputs in = ActionInputs.from(
                Map.of("INPUT_N", "8", "INPUT_BAD", "-1", "INPUT_L", "A, B\n# comment\n\nC\n", "INPUT_V", " a,b \n"));
        assertThat(in.number("n", 0)).isEqualTo(8);
        assertThatThrownBy(() -> in.number("bad", 0)).hasMessageContaining("whole number");
        assertThat(in.list("l")).containsExactly("A", "B", "C");
        assertThat(in.lines("v")).containsExactly("a,b");
    }

    @Test
    void aMissingRequiredInputSaysWhy() {
        assertThatThrownBy(() -> ActionInputs.from(Map.of()).require("vendor", "one of x, y."))
                .hasMessage("The input 'vendor' is required: one of x, y.");
    }
}
