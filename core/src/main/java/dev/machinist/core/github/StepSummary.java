package dev.machinist.core.github;

import dev.machinist.core.provider.Identity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Markdown the action appends to GITHUB_STEP_SUMMARY: who logged in, until when, which names were
 * loaded and where they went. Built only from names, ids and dates, never from a value, because the
 * summary outlives the job and is shown to everyone who can read the run.
 */
final class StepSummary {
    private final List<String[]> rows = new ArrayList<>();
    private final String title;

    StepSummary(String title) {
        this.title = title;
    }

    StepSummary identity(Identity identity) {
        String shown = identity.name().equals(identity.id())
                ? code(identity.id())
                : text(identity.name()) + " (" + code(identity.id()) + ")";
        return row("Identity", shown);
    }

    StepSummary expiry(String label, Optional<Instant> at, Instant now) {
        at.ifPresent(
                t -> row(label, text(t.truncatedTo(ChronoUnit.SECONDS).toString()) + " (" + relative(now, t) + ")"));
        return this;
    }

    StepSummary names(String label, List<String> names) {
        if (names.isEmpty()) return row(label, "none");
        List<String> shown = names.stream().map(StepSummary::code).toList();
        return row(label, names.size() + ": " + String.join(", ", shown));
    }

    StepSummary row(String label, String markdown) {
        rows.add(new String[] {label, markdown});
        return this;
    }

    String render() {
        StringBuilder md = new StringBuilder("### ").append(text(title)).append("\n\n| | |\n|---|---|\n");
        for (String[] r : rows)
            md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" |\n");
        return md.append('\n').toString();
    }

    static String failure(String message) {
        return "### Machinist failed\n\n" + text(message) + "\n\n";
    }

    static String relative(Instant now, Instant at) {
        Duration d = Duration.between(now, at);
        boolean past = d.isNegative();
        long minutes = Math.abs(d.toMinutes());
        String span = minutes >= 2 * 24 * 60
                ? minutes / (24 * 60) + " days"
                : minutes >= 120 ? minutes / 60 + " hours" : minutes + " min";
        return past ? span + " ago" : "in " + span;
    }

    /** Plain text made inert in a Markdown table cell (no HTML, no cell breaks, no links). */
    static String text(String s) {
        return s.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("[", "\\[")
                .replace("\r", " ")
                .replace("\n", " ");
    }

    static String code(String s) {
        return "`" + text(s).replace("`", "'") + "`";
    }
}
