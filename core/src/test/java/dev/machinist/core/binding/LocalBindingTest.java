package dev.machinist.core.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binding's behaviour with the local provider ("env"), which needs no network. */
class LocalBindingTest {
    @TempDir
    Path dir;

    private final CredentialBinding binding = new CredentialBinding(HttpTransport.defaults());

    private BindingRequest.Builder request(String dotenv) throws Exception {
        Path file = dir.resolve("secrets.env");
        Files.writeString(file, dotenv);
        return BindingRequest.builder("env", Secret.of("token", ""))
                .setting("env-file", file.toString())
                .home(dir);
    }

    @Test
    void bindsPicksAndTheWholeScopeAsSecretVariables() throws Exception {
        BindingResult result = binding.bind(request("DB_PASSWORD=pw-database-1\nAPI_KEY=key-api-2\n")
                .secrets("API_KEY > RENAMED_KEY")
                .organization(true)
                .build());
        assertThat(result.secretVariables())
                .containsEntry("DB_PASSWORD", "pw-database-1")
                .containsEntry("RENAMED_KEY", "key-api-2");
        assertThat(result.secretValues()).containsExactlyInAnyOrder("pw-database-1", "key-api-2");
        assertThat(result.publicVariables())
                .containsEntry("MACHINIST_VENDOR", "env")
                .containsEntry("MACHINIST_IDENTITY_ID", "local")
                .doesNotContainKey("MACHINIST_EXPIRES_AT");
        assertThat(result.environment()).containsKeys("DB_PASSWORD", "RENAMED_KEY", "MACHINIST_VENDOR");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void everySecretTheSinkSeesIsInTheMaskList() throws Exception {
        List<Secret> sunk = new ArrayList<>();
        BindingResult result = binding.bind(
                request("A_SECRET=alpha-value\nB_SECRET=beta-value\n")
                        .organization(true)
                        .build(),
                sunk::add);
        assertThat(sunk).extracting(Secret::reveal).contains("alpha-value", "beta-value");
        for (Secret s : sunk) assertThat(result.secretValues()).contains(s.reveal());
        assertThat(result.publicVariables().values()).doesNotContain("alpha-value", "beta-value");
    }

    @Test
    void aTokenGivenToATokenlessVendorIsStillMasked() throws Exception {
        Path file = dir.resolve("t.env");
        Files.writeString(file, "X_SECRET=xxx-value\n");
        BindingResult result = binding.bind(BindingRequest.builder("env", Secret.of("token", "not-needed-but-secret"))
                .setting("env-file", file.toString())
                .secrets("X_SECRET")
                .build());
        assertThat(result.secretVariables()).containsEntry("MACHINIST_TOKEN", "not-needed-but-secret");
        assertThat(result.secretValues()).contains("not-needed-but-secret", "xxx-value");
    }

    @Test
    void unknownOrMissingVendorIsAUsageErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> binding.bind(BindingRequest.builder("vault", Secret.of("t", "abc"))
                        .secrets("X")
                        .build()))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USAGE))
                .hasMessageContaining("Unknown vendor 'vault'")
                .hasMessageContaining("env");
        assertThatThrownBy(() -> binding.bind(
                        BindingRequest.builder(" ", Secret.of("t", "abc")).build()))
                .hasMessageStartingWith("The credential names no vendor; choose one of: ")
                .hasMessageNotContaining("abc");
    }

    @Test
    void aSecretVendorWithNothingSelectedSaysWhatToGive() throws Exception {
        assertThatThrownBy(() -> binding.bind(request("A=1\n").build()))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USAGE))
                .hasMessage("Nothing to load from Local environment: give secrets as 'ID > NAME' lines, a project"
                        + " id, or choose the whole organization.");
    }

    @Test
    void selectionMistakesAreCaughtBeforeLoggingIn() throws Exception {
        // The env file does not exist: an error about it would mean the login ran first.
        BindingRequest.Builder missingFile = BindingRequest.builder("env", Secret.of("t", ""))
                .setting("env-file", dir.resolve("nope").toString());
        assertThatThrownBy(() -> binding.bind(missingFile.secrets("id > 9BAD").build()))
                .hasMessageContaining("'9BAD' is not a valid environment variable name");
        assertThatThrownBy(() -> binding.bind(
                        missingFile.secrets("").project("p1").organization(true).build()))
                .hasMessage("Choose either a project or the whole organization, not both (project p1).");
    }

    @Test
    void invalidKeysAreRejectedUnlessMappingIsAsked() throws Exception {
        assertThatThrownBy(() -> binding.bind(
                        request("my-key.v2=hunter2-value\n").organization(true).build()))
                .hasMessageContaining("The secret key 'my-key.v2'")
                .hasMessageNotContaining("hunter2");
        BindingResult mapped = binding.bind(request("my-key.v2=hunter2-value\n")
                .organization(true)
                .mapNames(true)
                .build());
        assertThat(mapped.secretVariables()).containsEntry("my_key_v2", "hunter2-value");
    }

    @Test
    void aSecretMayNotShadowTheBindingsOwnVariables() throws Exception {
        assertThatThrownBy(() -> binding.bind(request("MACHINIST_VENDOR=evil-value\n")
                        .organization(true)
                        .build()))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USAGE))
                .hasMessage("The secret $MACHINIST_VENDOR would replace the binding's own variable of that name"
                        + " (MACHINIST_* and the vendor's variables are reserved); pick it under another name as"
                        + " 'ID > OTHER_NAME'.");
        // Reserved even when this vendor derives no access token.
        assertThatThrownBy(() -> binding.bind(request("S=some-value\n")
                        .secrets("S > MACHINIST_ACCESS_TOKEN")
                        .build()))
                .hasMessageStartingWith("The secret $MACHINIST_ACCESS_TOKEN would replace");
    }

    @Test
    void valuesTheLogCannotMaskAreWarnedAbout() throws Exception {
        BindingResult result = binding.bind(request("SHORT=ab\nEMPTY=\nPEM=\"line-one\\nline-two\"\nOK=long-enough\n")
                .organization(true)
                .build());
        assertThat(result.warnings())
                .containsExactly(
                        "$SHORT is shorter than 3 characters, too short to be masked in the log; avoid printing it.",
                        "$EMPTY is empty.",
                        "$PEM spans several lines; log masking works line by line, so each of its lines of at least"
                                + " 8 characters is masked on its own and shorter ones are not: avoid printing it"
                                + " (write it to a file instead).");
        assertThat(result.secretValues()).doesNotContain("").contains("ab", "line-one\nline-two");
    }

    @Test
    void eachLongLineOfAMultiLineSecretIsMaskedOnItsOwn() throws Exception {
        BindingResult result =
                binding.bind(request("KEY=\"-----BEGIN KEY-----\\nAAAAB3NzaC1yc2E\\n}\\n  \\nzzzz-last\\n\"\n")
                        .secrets("KEY")
                        .build());
        assertThat(result.secretValues())
                .contains("-----BEGIN KEY-----", "AAAAB3NzaC1yc2E", "zzzz-last")
                .doesNotContain("}", "", "  ");
        assertThat(result.secretVariables().keySet())
                .contains("KEY", "MACHINIST_MASKED_1", "MACHINIST_MASKED_2", "MACHINIST_MASKED_3")
                .doesNotContain("MACHINIST_MASKED_4");
    }

    @Test
    void printedFormsShowNamesNeverValues() throws Exception {
        BindingRequest request =
                request("TOP=top-secret-value\n").secrets("TOP").build();
        BindingRequest withToken = BindingRequest.builder("env", Secret.of("t", "the-bot-token-value"))
                .setting("env-file", request.settings().get("env-file"))
                .secrets("TOP")
                .build();
        BindingResult result = binding.bind(withToken);
        assertThat(withToken.toString()).doesNotContain("the-bot-token-value").contains("vendor=env");
        assertThat(result.toString())
                .doesNotContain("top-secret-value", "the-bot-token-value")
                .contains("TOP", "MACHINIST_TOKEN");
    }

    @Test
    void declaredVariablesNeedNoLogin() {
        BindingRequest request = BindingRequest.builder("env", Secret.of("t", ""))
                .secrets("a > DB\nb")
                .build();
        assertThat(binding.declaredSecretVariables(request))
                .containsExactly("MACHINIST_TOKEN", "MACHINIST_ACCESS_TOKEN", "DB");
    }

    @Test
    void testConnectionReportsTheIdentity() throws Exception {
        ConnectionReport report = binding.testConnection(request("").build());
        assertThat(report.vendor()).isEqualTo("env");
        assertThat(report.identityId()).isEqualTo("local");
        assertThat(report.summary())
                .startsWith("Local environment: logged in as ")
                .endsWith("; login expires at a time the vendor does not state.");
    }

    @Test
    void requestSettingsDropBlankValues() {
        BindingRequest request = new BindingRequest(
                "env", null, Map.of("api-url", " ", "region", " eu "), null, null, false, null, null, null, null);
        assertThat(request.settings()).containsExactly(Map.entry("region", "eu"));
        assertThat(request.selectsSecrets()).isFalse();
        assertThat(request.token().isEmpty()).isTrue();
    }
}
