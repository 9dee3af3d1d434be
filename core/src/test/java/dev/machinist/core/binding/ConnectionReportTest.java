package dev.machinist.core.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionReportTest {
    private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");

    @Test
    void summaryNamesIdentityAndBothExpiries() {
        ConnectionReport report = new ConnectionReport(
                "bitwarden",
                "Bitwarden Secrets Manager",
                "4d3c-id",
                "CI machine account",
                Map.of(),
                Optional.of(NOW.plusSeconds(3600)),
                Optional.of(NOW.plusSeconds(86400 * 30L)),
                NOW);
        assertThat(report.summary())
                .isEqualTo("Bitwarden Secrets Manager: logged in as CI machine account (4d3c-id); login expires"
                        + " 2026-11-23T08:00:00Z (in 60 min); token expires 2026-12-23T07:00:00Z (in 30 days).");
    }

    @Test
    void expiredAndUnstatedExpiriesAreSaidPlainly() {
        assertThat(ConnectionReport.describe(Optional.of(NOW.minusSeconds(5)), NOW))
                .isEqualTo("2026-11-23T06:59:55Z (already expired)");
        assertThat(ConnectionReport.describe(Optional.empty(), NOW)).isEqualTo("at a time the vendor does not state");
        assertThat(dev.machinist.core.provider.Expiry.human(java.time.Duration.ofSeconds(90)))
                .isEqualTo("90 s");
        assertThat(dev.machinist.core.provider.Expiry.human(java.time.Duration.ofHours(5)))
                .isEqualTo("5 h");
    }
}
