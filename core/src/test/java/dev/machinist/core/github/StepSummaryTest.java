package dev.machinist.core.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.core.provider.Identity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepSummaryTest {
    @Test
    void rendersIdentityExpiryAndNamesAsATable() {
        Instant now = Instant.parse("2026-11-23T06:00:00Z");
        String md = new StepSummary("Machinist: Pantheon")
                .identity(new Identity("u-1", "Build Bot", Map.of()))
                .expiry("Login expires", Optional.of(now.plusSeconds(3 * 3600)), now)
                .expiry("Token expires", Optional.empty(), now)
                .names("Loaded", List.of("DB_PASSWORD", "API_KEY"))
                .render();
        assertThat(md)
                .startsWith("### Machinist: Pantheon\n\n| | |\n|---|---|\n")
                .contains("| Identity | Build Bot (`u-1`) |")
                .contains("| Login expires | 2026-11-23T09:00:00Z (in 3 hours) |")
                .doesNotContain("Token expires")
                .contains("| Loaded | 2: `DB_PASSWORD`, `API_KEY` |");
    }

    @Test
    void vendorTextCannotBreakTheTableOrInjectHtml() {
        String md = new StepSummary("t")
                .identity(new Identity("id", "a|b <img src=x> [link](http://x)\nnext", Map.of()))
                .render();
        assertThat(md).contains("a\\|b &lt;img src=x&gt; \\[link](http://x) next (`id`)");
        assertThat(md.lines().filter(l -> l.startsWith("| Identity"))).hasSize(1);
    }

    @Test
    void relativeTimes() {
        Instant now = Instant.parse("2026-11-23T06:00:00Z");
        assertThat(StepSummary.relative(now, now.plusSeconds(600))).isEqualTo("in 10 min");
        assertThat(StepSummary.relative(now, now.minusSeconds(3 * 86400))).isEqualTo("3 days ago");
    }
}
