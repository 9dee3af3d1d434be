package dev.machinist.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.cli.CliRun;
import dev.machinist.simulator.Fault;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import dev.machinist.simulator.github.GitHubSimulator;
import dev.machinist.simulator.platform.PlatformSimulator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RotateCommandTest {
    private SimulatorServer server;
    private PlatformSimulator platform;
    private Map<String, String> env;
    private String oldToken;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() throws Exception {
        server = Simulators.startAll(0);
        platform = server.vendor(PlatformSimulator.class); // the first one: platformsh
        env = new HashMap<>();
        for (String key : new String[] {"platformsh", "github", "pantheon"}) {
            env.putAll((Map<String, String>)
                    ((Map<String, Object>) server.describe().get(key)).get("env"));
        }
        oldToken = platform.demoApiToken();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void rotatesAPlatformTokenKeptAsAGitHubSecret() {
        CliRun run = CliRun.of(
                env,
                "rotate",
                "github",
                "--vendor",
                "platformsh",
                "--repo",
                "machinist-demo/app",
                "--name",
                "PLATFORMSH_CLI_TOKEN",
                "--new-token-name",
                "ci-2026-11");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String stored = server.vendor(GitHubSimulator.class)
                .repositorySecret("machinist-demo/app", "PLATFORMSH_CLI_TOKEN")
                .orElseThrow()
                .value();
        assertThat(platform.isApiTokenActive(stored)).isTrue();
        assertThat(platform.isApiTokenActive(oldToken)).isFalse();
        assertThat(run.out())
                .startsWith("Rotated PLATFORMSH_CLI_TOKEN: created token ")
                .contains("verified it, created it in GitHub repository secrets of machinist-demo/app")
                .contains("revoked the old token " + platform.demoApiTokenId());
        assertThat(run.all()).doesNotContain(stored).doesNotContain(oldToken);
    }

    @Test
    void rotatesTheSeedsSelfStoredVariable() {
        CliRun run = CliRun.of(
                env,
                "rotate",
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
                "-o",
                "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String stored = platform.variables()
                .variable("demoproject123", "main", "env:PLATFORMSH_CLI_TOKEN")
                .orElseThrow()
                .value();
        assertThat(platform.isApiTokenActive(stored)).isTrue();
        assertThat(platform.isApiTokenActive(oldToken)).isFalse();
        assertThat(run.out()).contains("\"revokedTokenId\" : \"" + platform.demoApiTokenId() + "\"");
    }

    @Test
    void aFailedStoreKeepsTheOldTokenAndExitsWithTheCause() {
        server.faults()
                .inject(
                        "github.repository.putSecret",
                        Fault.status(
                                403, "application/json", "{\"message\":\"Resource not accessible by integration\"}"));
        CliRun run = CliRun.of(
                env,
                "rotate",
                "github",
                "--vendor",
                "platformsh",
                "--repo",
                "machinist-demo/app",
                "--name",
                "PLATFORMSH_CLI_TOKEN");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err())
                .startsWith("machinist: Rotation stopped while storing the new token")
                .contains("The old token still works")
                .contains("was revoked again.");
        assertThat(platform.isApiTokenActive(oldToken)).isTrue();
        assertThat(run.all()).doesNotContain(oldToken);
    }

    @Test
    void pantheonCannotCreateTokensSoRotationTakesOneMadeByHand() {
        var pantheon = server.vendor(dev.machinist.simulator.pantheon.PantheonSimulator.class);
        CliRun refused = CliRun.of(
                env,
                "rotate",
                "github",
                "--vendor",
                "pantheon",
                "--repo",
                "machinist-demo/app",
                "--name",
                "TERMINUS_MACHINE_TOKEN");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("Pantheon cannot create tokens through its API");
        assertThat(server.vendor(GitHubSimulator.class)
                        .repositorySecret("machinist-demo/app", "TERMINUS_MACHINE_TOKEN"))
                .isEmpty();

        var byHand = pantheon.addMachineToken("made in the dashboard");
        CliRun run = CliRun.withStdin(
                env,
                byHand.token() + "\n",
                "rotate",
                "github",
                "--vendor",
                "pantheon",
                "--repo",
                "machinist-demo/app",
                "--name",
                "TERMINUS_MACHINE_TOKEN",
                "--value-stdin",
                "--old-token-id",
                pantheon.demoTokenId());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.vendor(GitHubSimulator.class)
                        .repositorySecret("machinist-demo/app", "TERMINUS_MACHINE_TOKEN")
                        .orElseThrow()
                        .value())
                .isEqualTo(byHand.token());
        assertThat(pantheon.hasMachineToken(pantheon.demoTokenId())).isFalse();
        assertThat(pantheon.hasMachineToken(byHand.id())).isTrue();
        assertThat(run.all()).doesNotContain(byHand.token()).doesNotContain(pantheon.demoToken());
    }

    @Test
    void aTokenMadeByHandComesFromStdin() {
        String byHand = platform.createApiToken("console");
        CliRun run = CliRun.withStdin(
                env,
                byHand + "\n",
                "rotate",
                "github",
                "--vendor",
                "platformsh",
                "--repo",
                "machinist-demo/app",
                "--name",
                "PLATFORMSH_CLI_TOKEN",
                "--value-stdin",
                "--old-token-id",
                platform.demoApiTokenId());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.vendor(GitHubSimulator.class)
                        .repositorySecret("machinist-demo/app", "PLATFORMSH_CLI_TOKEN")
                        .orElseThrow()
                        .value())
                .isEqualTo(byHand);
        assertThat(platform.isApiTokenActive(oldToken)).isFalse();
        assertThat(run.all()).doesNotContain(byHand);
    }
}
