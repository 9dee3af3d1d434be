package dev.machinist.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.cli.CliRun;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import dev.machinist.simulator.github.GitHubSimulator;
import dev.machinist.simulator.gitlab.GitLabSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandTest {
    private static final String VALUE = "bot-token-value_9f3Kq2";

    @TempDir
    Path dir;

    private SimulatorServer server;
    private Map<String, String> githubEnv;
    private Map<String, String> gitlabEnv;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() throws Exception {
        server = Simulators.startAll(0);
        Map<String, Object> described = server.describe();
        githubEnv = (Map<String, String>) ((Map<String, Object>) described.get("github")).get("env");
        gitlabEnv = (Map<String, String>) ((Map<String, Object>) described.get("gitlab")).get("env");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GitHubSimulator github() {
        return server.vendor(GitHubSimulator.class);
    }

    @Test
    void storesARepositorySecretFromStdinAndSaysCreatedThenUpdated() {
        CliRun first = CliRun.withStdin(
                githubEnv,
                VALUE + "\n",
                "store",
                "github",
                "--repo",
                "machinist-demo/app",
                "--name",
                "BOT_TOKEN",
                "--value-stdin");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("Created BOT_TOKEN in GitHub repository secrets of machinist-demo/app.\n");
        assertThat(github().repositorySecret("machinist-demo/app", "BOT_TOKEN")
                        .orElseThrow()
                        .value())
                .isEqualTo(VALUE);

        CliRun second = CliRun.withStdin(
                githubEnv,
                VALUE + "2",
                "store",
                "github",
                "--repo",
                "machinist-demo/app",
                "--name",
                "BOT_TOKEN",
                "--value-stdin",
                "-o",
                "json");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("\"result\" : \"updated\"").doesNotContain(VALUE);
    }

    @Test
    void storesEnvironmentAndOrganizationSecretsFromAFileAndAVariable() throws Exception {
        Path file = dir.resolve("value");
        Files.writeString(file, VALUE + "\n");
        CliRun env = CliRun.of(
                githubEnv,
                "store",
                "github",
                "--repo",
                "machinist-demo/app",
                "--environment",
                "production",
                "--name",
                "DEPLOY",
                "--value-file",
                file.toString());
        assertThat(env.exitCode()).as(env.err()).isZero();
        assertThat(github().environmentSecret("machinist-demo/app", "production", "DEPLOY")
                        .orElseThrow()
                        .value())
                .isEqualTo(VALUE);

        Map<String, String> withValue = new HashMap<>(githubEnv);
        withValue.put("NEW_TOKEN", VALUE);
        CliRun org = CliRun.of(
                withValue,
                "store",
                "github",
                "--org",
                "machinist-demo",
                "--visibility",
                "selected",
                "--repository-id",
                "4242,7",
                "--name",
                "ORG_TOKEN",
                "--value-env",
                "NEW_TOKEN");
        assertThat(org.exitCode()).as(org.err()).isZero();
        assertThat(github().organizationSecret("machinist-demo", "ORG_TOKEN")
                        .orElseThrow()
                        .selectedRepositoryIds())
                .containsExactly(4242L, 7L);
    }

    @Test
    void aValueOnTheCommandLineIsRefusedBeforeAnyRequest() {
        CliRun run = CliRun.of(
                githubEnv, "store", "github", "--repo", "machinist-demo/app", "--name", "X", "--value", VALUE);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("machinist: Refusing a secret value on the command line")
                .contains("--value-stdin");
        assertThat(server.requests()).isEmpty();

        CliRun none = CliRun.of(githubEnv, "store", "github", "--repo", "machinist-demo/app", "--name", "X");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("exactly one of --value-stdin");
    }

    @Test
    void badGitHubTokenExitsThreeWithoutPrintingTheValueOrToken() {
        Map<String, String> env = new HashMap<>(githubEnv);
        env.put("GITHUB_TOKEN", "ghp_notTheRightOne000000000000000000000");
        CliRun run = CliRun.withStdin(
                env,
                VALUE,
                "store",
                "github",
                "--repo",
                "machinist-demo/app",
                "--name",
                "X",
                "--value-stdin",
                "--debug");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("machinist: GitHub rejected the token (401): check GITHUB_TOKEN");
        assertThat(run.all()).doesNotContain(VALUE).doesNotContain("ghp_notTheRightOne");
    }

    @Test
    void missingRepositoryExitsFive() {
        CliRun run = CliRun.withStdin(
                githubEnv, VALUE, "store", "github", "--repo", "nobody/none", "--name", "X", "--value-stdin");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).contains("repository nobody/none not found or the token cannot see it");
    }

    @Test
    void storesAMaskedGitLabVariable() {
        CliRun run = CliRun.withStdin(
                gitlabEnv,
                VALUE,
                "store",
                "gitlab",
                "--project",
                "machinist-demo/app",
                "--name",
                "BOT_TOKEN",
                "--masked",
                "--protected",
                "--environment-scope",
                "production",
                "--value-stdin");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Created BOT_TOKEN in GitLab CI/CD variables of project machinist-demo/app");
        var stored = server.vendor(GitLabSimulator.class)
                .variable(GitLabSimulator.DEMO_PROJECT_ID, "BOT_TOKEN", "production")
                .orElseThrow();
        assertThat(stored.value()).isEqualTo(VALUE);
        assertThat(stored.masked()).isTrue();
        assertThat(stored.isProtected()).isTrue();
    }

    @Test
    void anUnmaskableGitLabValueIsRefusedWithExitTenAndNoRequest() {
        CliRun run = CliRun.withStdin(
                gitlabEnv,
                "has spaces in it",
                "store",
                "gitlab",
                "--project",
                "101",
                "--name",
                "BOT_TOKEN",
                "--masked",
                "--value-stdin");
        assertThat(run.exitCode()).isEqualTo(10);
        assertThat(run.err()).contains("as masked: it contains whitespace").doesNotContain("has spaces");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void gitLabJobTokenAloneIsExplained() {
        CliRun run = CliRun.withStdin(
                Map.of("CI_JOB_TOKEN", "job-token-value", "CI_API_V4_URL", gitlabEnv.get("CI_API_V4_URL")),
                VALUE,
                "store",
                "gitlab",
                "--project",
                "101",
                "--name",
                "X",
                "--value-stdin");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("CI_JOB_TOKEN cannot be used");
    }

    @Test
    @SuppressWarnings("unchecked")
    void storesTheBotTokenAsASensitiveEnvironmentVariableOnPlatformAsTheSeedDoes() {
        var platform = server.vendor(dev.machinist.simulator.platform.PlatformSimulator.class); // platformsh
        Map<String, String> env = new HashMap<>(
                (Map<String, String>) ((Map<String, Object>) server.describe().get("platformsh")).get("env"));
        String apiToken = env.get("PLATFORMSH_CLI_TOKEN");
        CliRun run = CliRun.withStdin(
                env,
                apiToken + "\n",
                "store",
                "platform",
                "--vendor",
                "platformsh",
                "--project",
                "demoproject123",
                "--environment",
                "main",
                "--name",
                "env:PLATFORMSH_CLI_TOKEN",
                "--sensitive",
                "--value-stdin");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo("Created env:PLATFORMSH_CLI_TOKEN in Platform.sh variables of environment main"
                        + " of project demoproject123.\n");
        var stored = platform.variables()
                .variable("demoproject123", "main", "env:PLATFORMSH_CLI_TOKEN")
                .orElseThrow();
        assertThat(stored.value()).isEqualTo(apiToken);
        assertThat(stored.sensitive()).isTrue();
        assertThat(run.all()).doesNotContain(apiToken);

        CliRun again = CliRun.withStdin(
                env,
                apiToken,
                "store",
                "platform",
                "--vendor",
                "platformsh",
                "--project",
                "demoproject123",
                "--environment",
                "main",
                "--name",
                "env:PLATFORMSH_CLI_TOKEN",
                "--value-stdin",
                "--debug");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("Updated env:PLATFORMSH_CLI_TOKEN");
        assertThat(again.all()).doesNotContain(apiToken);
        assertThat(again.err()).contains("PATCH ");

        CliRun missing = CliRun.withStdin(
                env,
                apiToken,
                "store",
                "platform",
                "--vendor",
                "platformsh",
                "--project",
                "nosuchproject",
                "--name",
                "X",
                "--value-stdin");
        assertThat(missing.exitCode()).isEqualTo(5);
        assertThat(missing.err()).contains("project nosuchproject not found");
    }

    @Test
    void storeHasHelp() {
        for (String[] args : new String[][] {
            {"store", "--help"},
            {"store", "github", "--help"},
            {"store", "gitlab", "--help"},
            {"store", "platform", "--help"},
            {"rotate", "--help"},
            {"rotate", "github", "--help"},
            {"rotate", "gitlab", "--help"},
            {"rotate", "platform", "--help"}
        }) {
            CliRun run = CliRun.of(Map.of(), args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).contains("Usage:");
        }
    }
}
