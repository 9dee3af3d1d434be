package dev.machinist.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.core.mask.WeakPatternPolicy;
import dev.machinist.simulator.github.WorkflowLog;
import java.util.Collection;

/** Assertions about secrets in what the action printed or wrote. Messages name secrets, never show them. */
final class Secrets {
    private Secrets() {}

    /** The value and each of its non-blank lines were registered with ::add-mask:: before any other use. */
    static void assertMaskedBeforeUse(WorkflowLog log, String name, String value) {
        assertThat(log.masks()).as(name + " registered with ::add-mask::").contains(value);
        assertThat(log.firstUnmaskedUse(value))
                .as(name + " printed before its mask")
                .isEmpty();
        for (String line : value.split("\\R")) {
            // Lines the weak-pattern policy rejects (e.g. "}" or "EOF") are deliberately not masked alone.
            if (WeakPatternPolicy.defaults().weakness(line.strip()).isPresent()) continue;
            assertThat(log.masks()).as("a line of " + name + " registered").contains(line.strip());
            assertThat(log.firstUnmaskedUse(line.strip()))
                    .as("a line of " + name + " printed before its mask")
                    .isEmpty();
        }
    }

    static void assertContainsNone(String text, Collection<String> values) {
        for (String v : values) {
            for (String line : v.split("\\R")) {
                if (line.strip().length() >= 6) {
                    assertThat(text.contains(line.strip()))
                            .as("a secret line appears")
                            .isFalse();
                }
            }
        }
    }
}
