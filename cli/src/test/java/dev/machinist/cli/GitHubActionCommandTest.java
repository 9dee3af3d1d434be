package dev.machinist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubActionCommandTest {
    @Test
    void isTheContainerEntrypointAndReportsFailuresAsAnnotations() {
        CliRun run = CliRun.of(Map.of(), "github-action");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out())
                .isEqualTo("::error title=Machinist::The input 'vendor' is required: one of pantheon, platformsh,"
                        + " upsun, webpaas, bitwarden.\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void isListedInHelp() {
        assertThat(CliRun.of(Map.of(), "--help").out()).contains("github-action");
    }
}
