package dev.machinist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliBasicsTest {
    @TempDir
    Path dir;

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun run = CliRun.of(Map.of(), "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("login", "whoami", "secrets", "simulate", "Exit codes");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String[] args : new String[][] {
            {"login", "--help"},
            {"whoami", "--help"},
            {"secrets", "list", "--help"},
            {"secrets", "get", "--help"},
            {"projects", "list", "--help"},
            {"token", "create", "--help"},
            {"ssh-cert", "--help"},
            {"simulate", "--help"}
        }) {
            CliRun run = CliRun.of(Map.of(), args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).contains("Usage:");
        }
    }

    @Test
    void unknownOptionIsAUsageErrorWithoutStackTrace() {
        CliRun run = CliRun.of(Map.of(), "login", "--bogus");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("Unknown option: '--bogus'")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void unknownVendorIsAUsageError() {
        CliRun run = CliRun.of(Map.of(), "whoami", "--vendor", "nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("machinist: Unknown vendor 'nope'. Known vendors: ");
    }

    @Test
    void vendorMustBeChosenWhenNoTokenIsSet() {
        CliRun run = CliRun.of(Map.of(), "whoami");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Which vendor? Pass --vendor");
    }

    @Test
    void secretsFromAnEnvFileThroughTheLocalProvider() throws Exception {
        Path env = dir.resolve("ci.env");
        Files.writeString(env, "DB_PASSWORD=correct-horse-battery\nAPI_KEY=\"k\\ney\"\n");
        CliRun list = CliRun.of(Map.of(), "secrets", "list", "--vendor", "env", "--set", "env-file=" + env);
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("DB_PASSWORD", "API_KEY").doesNotContain("correct-horse-battery");
        CliRun get = CliRun.of(
                Map.of(), "secrets", "get", "DB_PASSWORD", "--value", "--vendor", "env", "--set", "env-file=" + env);
        assertThat(get.exitCode()).isZero();
        assertThat(get.out()).isEqualTo("correct-horse-battery\n");
        CliRun json = CliRun.of(
                Map.of(), "secrets", "get", "API_KEY", "-o", "json", "--vendor", "env", "--set", "env-file=" + env);
        assertThat(json.out()).contains("\"value\" : \"k\\ney\"");
    }

    @Test
    void missingSecretIsNotFound() {
        CliRun run = CliRun.of(Map.of(), "secrets", "get", "NOPE", "--vendor", "env");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).isEqualTo("machinist: Not set in the env file or the environment: NOPE.\n");
    }

    @Test
    void localProviderHasNoTokensOrProjects() {
        CliRun run = CliRun.of(Map.of(), "token", "list", "--vendor", "env");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Local environment has no token API.");
    }
}
