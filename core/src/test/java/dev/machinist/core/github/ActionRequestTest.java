package dev.machinist.core.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.select.SecretSelection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionRequestTest {
    private static final String TOKEN = "0.ec2c1d46-6a4b-4751-a310-af9601317f2d.secret-part:X8vbvA0bduihIDe/qrzIQQ==";

    @Test
    void parsesSelectionSettingsAndOptions() {
        ActionRequest r = ActionRequest.parse(ActionInputs.from(Map.of(
                "INPUT_VENDOR", "bitwarden",
                "INPUT_ACCESS-TOKEN", TOKEN + "\n",
                "INPUT_SECRETS", "id-1 > DB_PASSWORD\nid-2",
                "INPUT_PROJECT", "p-1",
                "INPUT_SERVER-URL", "https://vault.example.com",
                "INPUT_EXPORT-ENV", "false",
                "INPUT_MASK-MIN-LENGTH", "4",
                "INPUT_UNMASKED", "DB_USER")));
        assertThat(r.token().reveal()).isEqualTo(TOKEN);
        assertThat(r.selection().orElseThrow().picks())
                .containsExactly(
                        new SecretSelection.Pick("id-1", "DB_PASSWORD"), new SecretSelection.Pick("id-2", null));
        assertThat(r.selection().orElseThrow().scope().orElseThrow().projectId())
                .isEqualTo("p-1");
        assertThat(r.providerSettings()).containsExactly(Map.entry("server-url", "https://vault.example.com"));
        assertThat(r.exportEnv()).isFalse();
        assertThat(r.maskMinLength()).isEqualTo(4);
        assertThat(r.unmaskedNames()).containsExactly("DB_USER");
    }

    @Test
    void anEmptyTokenExplainsTheUsualCauses() {
        assertThatThrownBy(() -> ActionRequest.parse(
                        ActionInputs.from(Map.of("INPUT_VENDOR", "pantheon", "INPUT_ACCESS-TOKEN", ""))))
                .hasMessageContaining("'access-token' is empty")
                .hasMessageContaining("fork");
    }

    @Test
    void projectAndAllSecretsExcludeEachOther() {
        assertThatThrownBy(() -> ActionRequest.parse(ActionInputs.from(Map.of(
                        "INPUT_VENDOR", "bitwarden",
                        "INPUT_ACCESS-TOKEN", TOKEN,
                        "INPUT_PROJECT", "p",
                        "INPUT_ALL-SECRETS", "true"))))
                .hasMessageContaining("either 'project' or 'all-secrets: true'");
    }

    @Test
    void theTokenNeverAppearsInToString() {
        ActionRequest r = ActionRequest.parse(
                ActionInputs.from(Map.of("INPUT_VENDOR", "bitwarden", "INPUT_ACCESS-TOKEN", TOKEN)));
        assertThat(r.toString()).doesNotContain("secret-part").doesNotContain("X8vbvA0");
    }
}
